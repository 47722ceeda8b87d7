package dev.weft.loadtest.report;

import dev.weft.loadtest.sampler.SyscallCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How the report groups system-call kinds into columns — reads, writes, the epoll calls,
 * {@code futex}, {@code sendfile}, everything else, and the total — and per-response figures
 * from the counts of one window.
 */
public final class SyscallColumns {

    /**
     * One column: a header and the kinds it adds up.
     *
     * @param header the column header
     * @param kinds  the syscall kinds summed in it
     */
    record Column(String header, List<String> kinds) {
    }

    /** The columns, in report order; {@code other} and {@code total} follow them. */
    static final List<Column> COLUMNS = List.of(
            new Column("read", List.of("read")),
            new Column("recvfrom", List.of("recvfrom")),
            new Column("readv+recv(m)msg", List.of("readv", "recvmsg", "recvmmsg")),
            new Column("write", List.of("write")),
            new Column("sendto", List.of("sendto")),
            new Column("writev+send(m)msg", List.of("writev", "sendmsg", "sendmmsg")),
            new Column("sendfile", List.of("sendfile64")),
            new Column("epoll_ctl", List.of("epoll_ctl")),
            new Column("epoll_wait+pwait(2)", List.of("epoll_wait", "epoll_pwait", "epoll_pwait2")),
            new Column("futex", List.of("futex")));

    private SyscallColumns() {
    }

    /** Every kind named by a column. */
    static List<String> namedKinds() {
        return COLUMNS.stream().flatMap(c -> c.kinds().stream()).toList();
    }

    /** The headers: the columns, then {@code other} and {@code total}. */
    static List<String> headers() {
        return Stream.concat(COLUMNS.stream().map(Column::header), Stream.of("other", "total")).toList();
    }

    /** Per-response cells in {@link #headers()} order; every cell "unavailable" when not counted. */
    static List<String> cells(SyscallCounts counts, long responses) {
        List<String> cells = new ArrayList<>();
        switch (counts) {
            case SyscallCounts.Counted counted when responses > 0 -> {
                for (Column column : COLUMNS) {
                    cells.add(perResponse(column.kinds().stream().mapToLong(counted::of).sum(), responses));
                }
                cells.add(perResponse(counted.otherThan(namedKinds()), responses));
                cells.add(perResponse(counted.total(), responses));
            }
            case SyscallCounts.Counted counted -> headers().forEach(h -> cells.add("–"));
            case SyscallCounts.Unavailable unavailable -> headers().forEach(h -> cells.add("unavailable"));
        }
        return cells;
    }

    /**
     * One line for a progress log: the total per response and its largest kinds, e.g.
     * {@code "syscalls/resp 4.62: read 2.00, write 1.00, epoll_ctl 1.07, futex 0.32"}.
     */
    public static String brief(SyscallCounts counts, long responses) {
        return switch (counts) {
            case SyscallCounts.Unavailable u -> "syscalls unavailable: " + u.reason();
            case SyscallCounts.Counted c when responses == 0 -> "syscalls: no responses";
            case SyscallCounts.Counted c -> "syscalls/resp " + perResponse(c.total(), responses) + ": "
                    + c.byKind().entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .map(e -> e.getKey() + " " + perResponse(e.getValue(), responses))
                    .collect(java.util.stream.Collectors.joining(", "));
        };
    }

    static String perResponse(long calls, long responses) {
        return String.format(Locale.ROOT, "%.2f", calls / (double) responses);
    }
}
