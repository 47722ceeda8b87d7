package dev.weft.samples.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed command-line option {@code --name VALUE}, or a flag {@code --name} when its type is
 * {@link Boolean}.
 *
 * @param name         the option's name without dashes
 * @param valueName    how the value is shown in the usage text ({@code N}, {@code DIR})
 * @param description  one line for the usage text
 * @param defaultValue the value when the option is absent, or {@code null} if it is required
 * @param parser       turns the text into a value; throws {@link IllegalArgumentException} with
 *                     a message for the user when the text is not valid
 * @param <T>          the value type
 */
public record Option<T>(String name, String valueName, String description, T defaultValue,
                        Function<String, T> parser) {

    /** Validates the components. */
    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
    }

    /** Whether this option is a flag that takes no value. */
    public boolean isFlag() {
        return valueName.isEmpty();
    }

    /** {@code --port N}: a TCP/UDP port, 0 for an ephemeral one. */
    public static Option<Integer> port(String name, int defaultPort, String description) {
        return new Option<>(name, "N", description, defaultPort, text -> {
            int port = parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 0..65535, not " + text);
            }
            return port;
        });
    }

    /** {@code --host ADDRESS}: the address to bind. */
    public static Option<String> host(String defaultHost) {
        return new Option<>("host", "ADDRESS", "address to bind",
                defaultHost, text -> {
                    if (text.isBlank()) {
                        throw new IllegalArgumentException("the host must not be empty");
                    }
                    return text;
                });
    }

    /** A positive integer. */
    public static Option<Integer> positiveInt(String name, String valueName, int defaultValue, String description) {
        return new Option<>(name, valueName, description, defaultValue, text -> {
            int value = parseInt(text);
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be > 0, not " + text);
            }
            return value;
        });
    }

    /** An optional positive integer: absent unless given, e.g. {@code --max-conns-per-ip 10}. */
    public static Option<Optional<Integer>> optionalPositiveInt(String name, String valueName, String description) {
        return new Option<>(name, valueName, description, Optional.empty(), text -> {
            int value = parseInt(text);
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be > 0, not " + text);
            }
            return Optional.of(value);
        });
    }

    /** {@code --name HOST:PORT}: a socket address, resolved when parsed; IPv6 as {@code [::1]:80}. */
    public static Option<InetSocketAddress> hostAndPort(String name, String description) {
        return new Option<>(name, "HOST:PORT", description, null, text -> {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected HOST:PORT, not " + text);
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port = parseInt(text.substring(colon + 1));
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 1..65535, not " + text.substring(colon + 1));
            }
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("unknown host " + host);
            }
            return address;
        });
    }

    /** A duration in whole seconds, e.g. {@code --idle-timeout 300}. */
    public static Option<Duration> seconds(String name, Duration defaultValue, String description) {
        return new Option<>(name, "SECONDS", description, defaultValue, text -> {
            int value = parseInt(text);
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be > 0 seconds, not " + text);
            }
            return Duration.ofSeconds(value);
        });
    }

    /** Free text. */
    public static Option<String> text(String name, String valueName, String defaultValue, String description) {
        return new Option<>(name, valueName, description, defaultValue, Function.identity());
    }

    /** A file system path. */
    public static Option<Path> path(String name, String valueName, Path defaultValue, String description) {
        return new Option<>(name, valueName, description, defaultValue, Path::of);
    }

    /** A flag: {@code true} when present. */
    public static Option<Boolean> flag(String name, String description) {
        return new Option<>(name, "", description, false, text -> true);
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + text);
        }
    }
}
