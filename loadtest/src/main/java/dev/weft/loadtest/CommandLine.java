package dev.weft.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The arguments after the command: {@code --flag}, {@code --name value} and positionals. */
final class CommandLine {

    private final List<String> args;

    CommandLine(String[] args) {
        this.args = List.of(args);
    }

    boolean flag(String name) {
        return args.contains(name);
    }

    Optional<String> value(String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return Optional.of(args.get(at + 1));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new IllegalArgumentException("missing " + name));
    }

    String positional(int index) {
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--")) {
                i++;
            } else {
                positionals.add(args.get(i));
            }
        }
        if (index >= positionals.size()) {
            throw new IllegalArgumentException("missing argument " + (index + 1));
        }
        return positionals.get(index);
    }
}
