package dev.weft.loadtest.report;

import dev.weft.loadtest.sampler.SyscallCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "why" of the report: for every closed-loop or instrument row, the server's CPU
 * microseconds per response and its system calls per response by kind, so that a difference in
 * throughput per CPU-second explains itself (an event loop reads many ready sockets per
 * {@code epoll_wait}; a virtual thread re-arms a one-shot registration with {@code epoll_ctl}
 * each time it parks).
 */
final class SyscallTable {

    private SyscallTable() {
    }

    /** The table, or null when the run has no load rows. */
    static Table table(ReportTables tables) {
        List<List<String>> rows = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String scenario : tables.loadScenarios()) {
            for (LoadRow r : tables.loadRows(scenario)) {
                List<String> row = new ArrayList<>(List.of(scenario, r.engine(), r.protocol(), r.generator(),
                        ReportTables.count(r.connections())
                                + (r.targetRate().isPresent() ? " @" + ReportTables.count(r.targetRate().getAsInt()) + "/s" : ""),
                        ReportTables.fixed(r.serverCpuMicrosPerResponse(), 1)));
                row.addAll(SyscallColumns.cells(r.syscalls(), r.responses()));
                rows.add(row);
                if (r.syscalls() instanceof SyscallCounts.Unavailable u && !reasons.contains(u.reason())) {
                    reasons.add(u.reason());
                }
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<String> headers = new ArrayList<>(List.of("scenario", "engine", "protocol", "instrument", "conns",
                "CPU µs/resp"));
        headers.addAll(SyscallColumns.headers());
        String note = "Server CPU time (from /proc) and system calls (perf stat on the syscall tracepoints of the server"
                + " process) per response over the same measurement window; 'other' is every other kind."
                + (reasons.isEmpty() ? "" : " Unavailable: " + reasons.stream().collect(Collectors.joining("; ")) + ".");
        return new Table("Why: server CPU and system calls per response", note, headers, rows);
    }
}
