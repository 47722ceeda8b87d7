package dev.weft.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two instruments side by side for the HTTP/1.1 scenarios: each {@code wrk} row next to the
 * Java generator's row of the same engine, connection count and protocol (keep-alive
 * {@code http}, {@code pipelined} ×16), so a figure that only one instrument shows stands out.
 */
final class GeneratorComparison {

    private GeneratorComparison() {
    }

    /** The table, or null when the run has no wrk rows. */
    static Table table(ReportTables tables) {
        List<LoadRow> wrk = tables.loadRows("wrk");
        if (wrk.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (LoadRow w : wrk) {
            String scenario = w.protocol().equals("http") ? "http" : "pipelined";
            Optional<LoadRow> gen = tables.loadRows(scenario).stream()
                    .filter(r -> r.engine().equals(w.engine()) && r.connections() == w.connections()
                            && r.protocol().equals(w.protocol()))
                    .findFirst();
            rows.add(List.of(w.engine(), w.protocol(), ReportTables.count(w.connections()),
                    gen.map(r -> ReportTables.count(Math.round(r.throughput()))).orElse("not run"),
                    ReportTables.count(Math.round(w.throughput())),
                    gen.map(r -> ReportTables.count(Math.round(r.responsesPerServerCpuSecond()))).orElse("–"),
                    ReportTables.count(Math.round(w.responsesPerServerCpuSecond())),
                    gen.map(r -> ReportTables.ms(r.p99Ms())).orElse("–"), ReportTables.ms(w.p99Ms())));
        }
        return new Table("The Java generator beside wrk (HTTP/1.1)", "The same engine, connection count and protocol"
                + " measured by this module's generator (weft-gen) and by wrk -t1; the ratios between engines are what"
                + " should agree.", List.of("engine", "protocol", "conns", "weft-gen responses/s", "wrk responses/s",
                "weft-gen per server CPU-s", "wrk per server CPU-s", "weft-gen p99 ms", "wrk p99 ms"), rows);
    }
}
