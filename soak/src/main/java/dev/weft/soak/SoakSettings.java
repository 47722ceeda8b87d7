package dev.weft.soak;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The soak driver's settings, from its command line ({@code --name value} pairs; see
 * {@link #USAGE}). The server must be on a loopback address: soak traffic never leaves the machine.
 *
 * @param pid          the server process to sample
 * @param host         the server's loopback address
 * @param echoPort     its echo port
 * @param chatPort     its chat port
 * @param udpPort      its UDP relay port
 * @param httpPort     its HTTP port, if it serves HTTP
 * @param duration     how long the load runs
 * @param warmUp       the samples before it are left out of the trends: a fifth of the run, at
 *                     most two minutes
 * @param interval     how often the process is sampled
 * @param workers      clients of each kind
 * @param pause        each client's pause between exchanges
 * @param timeout      the longest wait for any one answer
 * @param output       where the report goes
 */
record SoakSettings(long pid, InetAddress host, int echoPort, int chatPort, int udpPort, Optional<Integer> httpPort,
                    Duration duration, Duration warmUp, Duration interval, int workers, Duration pause,
                    Duration timeout, Path output) {

    static final String USAGE = """
            usage: SoakMain --pid PID --echo-port N --chat-port N --udp-port N [--http-port N]
                            [--host 127.0.0.1] [--minutes 10] [--interval-seconds 10]
                            [--workers 4] [--pause-millis 100] --out DIR
            """;

    private static final Set<String> NAMES = Set.of("pid", "host", "echo-port", "chat-port", "udp-port", "http-port",
            "minutes", "interval-seconds", "workers", "pause-millis", "out");

    SoakSettings {
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("soak traffic stays on loopback; not a loopback address: " + host);
        }
        if (duration.isNegative() || duration.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the duration and the interval must be positive");
        }
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be > 0: " + workers);
        }
    }

    /** Parses {@code --name value} pairs. */
    static SoakSettings parse(String[] args) throws UnknownHostException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            values.put(name, args[i + 1]);
        }
        Duration duration = Duration.ofMinutes(number(values, "minutes", 10));
        Duration fifth = duration.dividedBy(5);
        return new SoakSettings(number(values, "pid", null),
                InetAddress.getByName(values.getOrDefault("host", "127.0.0.1")),
                (int) number(values, "echo-port", null), (int) number(values, "chat-port", null),
                (int) number(values, "udp-port", null),
                Optional.ofNullable(values.get("http-port")).map(Integer::parseInt),
                duration, fifth.compareTo(Duration.ofMinutes(2)) < 0 ? fifth : Duration.ofMinutes(2),
                Duration.ofSeconds(number(values, "interval-seconds", 10)),
                (int) number(values, "workers", 4), Duration.ofMillis(number(values, "pause-millis", 100)),
                Duration.ofSeconds(5), Path.of(required(values, "out")));
    }

    InetSocketAddress address(int port) {
        return new InetSocketAddress(host, port);
    }

    private static long number(Map<String, String> values, String name, Integer defaultValue) {
        String text = values.get(name);
        if (text == null) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return defaultValue;
        }
        return Long.parseLong(text);
    }

    private static String required(Map<String, String> values, String name) {
        String text = values.get(name);
        if (text == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return text;
    }
}
