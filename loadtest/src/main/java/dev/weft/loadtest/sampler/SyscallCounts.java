package dev.weft.loadtest.sampler;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The system calls a server made over a measurement window, by kind, or why they were not counted. */
public sealed interface SyscallCounts {

    /**
     * Counted with {@code perf stat} on the syscall tracepoints of the server process.
     *
     * @param byKind calls per kind ({@code read}, {@code epoll_ctl}, ...), every kind counted
     * @param total  every system call of the process, of any kind ({@code raw_syscalls:sys_enter})
     */
    record Counted(Map<String, Long> byKind, long total) implements SyscallCounts {
        /** Validates. */
        public Counted {
            byKind = Map.copyOf(byKind);
        }

        /** The calls of one kind, 0 when not counted. */
        public long of(String kind) {
            return byKind.getOrDefault(kind, 0L);
        }

        /** The calls of the kinds not listed in {@code named}: {@link #total} minus theirs. */
        public long otherThan(java.util.Collection<String> named) {
            long listed = named.stream().mapToLong(this::of).sum();
            return Math.max(0, total - listed);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("total=" + total);
            new TreeMap<>(byKind).forEach((kind, count) -> out.append(' ').append(kind).append('=').append(count));
            return out.toString();
        }
    }

    /**
     * Not counted.
     *
     * @param reason why: perf missing, tracepoints not readable, too many threads, ...
     */
    record Unavailable(String reason) implements SyscallCounts {
        /** Validates. */
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "unavailable: " + reason;
        }
    }
}
