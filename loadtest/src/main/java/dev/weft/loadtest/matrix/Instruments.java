package dev.weft.loadtest.matrix;

import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.SearchPath;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The external programs a run uses beside its own generator, each found on the {@code PATH} or
 * absent: {@code wrk} (the independent HTTP/1.1 instrument), {@code h2load} (HTTP/2) and
 * {@code perf} (system calls per request, see {@link SyscallCounter}).
 *
 * @param wrk      the {@code wrk} executable
 * @param h2load   the {@code h2load} executable
 * @param syscalls whether and how system calls can be counted
 */
public record Instruments(Optional<Path> wrk, Optional<Path> h2load, SyscallCounter.Probe syscalls) {

    /** Validates. */
    public Instruments {
        Objects.requireNonNull(wrk, "wrk");
        Objects.requireNonNull(h2load, "h2load");
        Objects.requireNonNull(syscalls, "syscalls");
    }

    /** None at all: only the Java generator and {@code /proc}. */
    public static Instruments none(String why) {
        return new Instruments(Optional.empty(), Optional.empty(), new SyscallCounter.Probe.Unavailable(why));
    }

    /** What this machine has; {@code countSyscalls} false turns the counting off. */
    public static Instruments discover(boolean countSyscalls) {
        return new Instruments(SearchPath.find("wrk"), SearchPath.find("h2load"), countSyscalls ? SyscallCounter.probe()
                : new SyscallCounter.Probe.Unavailable("turned off (--no-perf)"));
    }

    /** The executable of an instrument by name ({@code wrk}, {@code h2load}). */
    public Optional<Path> executable(String name) {
        return switch (name) {
            case "wrk" -> wrk;
            case "h2load" -> h2load;
            default -> Optional.empty();
        };
    }

    /** The Debian package that brings {@code name}. */
    public static String debianPackage(String name) {
        return name.equals("h2load") ? "nghttp2-client" : name;
    }
}
