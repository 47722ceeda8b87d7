package dev.weft.samples.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed options of one sample. Options are {@code --name VALUE} or {@code --name=VALUE};
 * flags are {@code --name}; {@code --help} (or {@code -h}) asks for the usage text; anything
 * else after the options is a positional argument.
 */
public final class CommandLine {

    private final Map<String, Object> values;
    private final Map<String, List<Object>> repeated;
    private final List<String> positional;
    private final boolean helpRequested;

    private CommandLine(Map<String, Object> values, Map<String, List<Object>> repeated,
                        List<String> positional, boolean helpRequested) {
        this.values = values;
        this.repeated = repeated;
        this.positional = positional;
        this.helpRequested = helpRequested;
    }

    /**
     * Parses {@code args} against {@code options}.
     *
     * @throws UsageException for an unknown option, a missing or invalid value, or a missing
     *     required option
     */
    public static CommandLine parse(List<Option<?>> options, String[] args) throws UsageException {
        Map<String, Option<?>> byName = new HashMap<>();
        options.forEach(o -> byName.put(o.name(), o));
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<Object>> repeated = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(Map.of(), Map.of(), List.of(), true);
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option<?> option = byName.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name);
            }
            String text;
            if (option.isFlag()) {
                text = "true";
            } else if (inlineValue != null) {
                text = inlineValue;
            } else if (i + 1 < args.length) {
                text = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value " + option.valueName());
            }
            try {
                Object value = option.parser().apply(text);
                values.put(name, value);
                repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + name + ": " + e.getMessage());
            }
        }
        for (Option<?> option : options) {
            if (!values.containsKey(option.name())) {
                if (option.defaultValue() == null) {
                    throw new UsageException("--" + option.name() + " " + option.valueName() + " is required");
                }
                values.put(option.name(), option.defaultValue());
            }
        }
        return new CommandLine(values, repeated, List.copyOf(positional), false);
    }

    /** The value of {@code option}: given on the command line, else its default. */
    public <T> T get(Option<T> option) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(option.name());
        return value;
    }

    /**
     * Every value given for a repeatable {@code option} ({@code --backend A --backend B}), in
     * order; the default alone when it was not given. {@link #get} returns the last one.
     */
    public <T> List<T> all(Option<T> option) {
        @SuppressWarnings("unchecked")
        List<T> given = (List<T>) (List<?>) repeated.get(option.name());
        return given == null ? List.of(get(option)) : List.copyOf(given);
    }

    /** Arguments that are not options, in order. */
    public List<String> positional() {
        return positional;
    }

    /** Whether {@code --help} was given. */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** The usage text for a sample with these options. */
    public static String usage(String command, String summary, List<Option<?>> options) {
        StringBuilder text = new StringBuilder("usage: java -jar weft-samples.jar ").append(command)
                .append(" [options]\n").append(summary).append("\n\noptions:\n");
        for (Option<?> option : options) {
            String left = "--" + option.name() + (option.isFlag() ? "" : " " + option.valueName());
            String defaultText = option.defaultValue() == null ? " (required)"
                    : option.isFlag() ? "" : option.defaultValue() instanceof Optional<?> o && o.isEmpty() ? " (default: none)"
                    : " (default " + option.defaultValue() + ")";
            text.append(String.format("  %-26s %s%s%n", left, option.description(), defaultText));
        }
        text.append(String.format("  %-26s %s%n", "--help", "show this text"));
        return text.toString();
    }
}
