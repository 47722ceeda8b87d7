package dev.weft.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Writes a run's results: {@code report.md}, a self-contained {@code report.html} (tables and
 * inline SVG charts, nothing loaded from elsewhere), {@code load.csv}, {@code idle.csv},
 * {@code skipped.csv}, {@code startup.csv} and {@code results.json}.
 */
public final class Report {

    private final RunInfo info;
    private final List<StepResult> results;
    private final ReportTables tables;
    private final List<String> profiles;
    private final List<EngineStart> starts;

    /**
     * A report of {@code results}.
     *
     * @param profiles JFR summaries of the engine processes (see {@link JfrSummary}); empty
     *                 when the run recorded none
     * @param starts   every start of an engine process in the run, in order
     */
    public Report(RunInfo info, List<StepResult> results, List<String> profiles, List<EngineStart> starts) {
        this.info = info;
        this.results = List.copyOf(results);
        this.tables = new ReportTables(results);
        this.profiles = List.copyOf(profiles);
        this.starts = List.copyOf(starts);
    }

    /** Every table, in the report's order: the run's tables with start-up after the engines. */
    private List<Table> allTables() {
        List<Table> all = new ArrayList<>(tables.all(info));
        Table startup = StartupTable.table(starts);
        if (startup != null) {
            all.add(Math.min(1, all.size()), startup);
        }
        return all;
    }

    /** Writes every file into {@code dir}, creating it. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown());
        Files.writeString(dir.resolve("report.html"), html());
        Files.writeString(dir.resolve("load.csv"), RawWriter.csv(rowsOf(LoadRow.class)));
        Files.writeString(dir.resolve("idle.csv"), RawWriter.csv(rowsOf(IdleRow.class)));
        Files.writeString(dir.resolve("skipped.csv"), RawWriter.csv(rowsOf(SkippedRow.class)));
        Files.writeString(dir.resolve("startup.csv"), RawWriter.csv(starts));
        Files.writeString(dir.resolve("results.json"), RawWriter.json(results.stream().map(Record.class::cast).toList()));
    }

    private <T extends Record> List<T> rowsOf(Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The Markdown report. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# Weft load test (" + info.profile() + " run)\n\n");
        header().forEach(line -> out.append("- ").append(line).append('\n'));
        out.append('\n');
        allTables().forEach(t -> out.append(t.markdown()));
        if (!profiles.isEmpty()) {
            out.append("### Where the CPU time went (JFR, whole run of each engine process)\n\n");
            profiles.forEach(p -> out.append("```\n").append(p).append("```\n\n"));
        }
        return out.toString();
    }

    /** The HTML report with charts. */
    public String html() {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Weft load test</title>
                <style>
                body { font-family: sans-serif; margin: 2em; color: #222; }
                table { border-collapse: collapse; margin-bottom: 1.5em; font-size: 13px; }
                th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
                th:first-child, td:first-child { text-align: left; }
                svg { margin: 0.5em 1em 1em 0; border: 1px solid #eee; }
                </style></head><body>
                """);
        out.append("<h1>Weft load test (").append(Table.escape(info.profile())).append(" run)</h1>\n<ul>\n");
        header().forEach(line -> out.append("<li>").append(Table.escape(line)).append("</li>\n"));
        out.append("</ul>\n<h2>Charts</h2>\n<div>\n");
        charts().forEach(out::append);
        out.append("</div>\n<h2>Tables</h2>\n");
        allTables().forEach(t -> out.append(t.html()));
        if (!profiles.isEmpty()) {
            out.append("<h3>Where the CPU time went (JFR, whole run of each engine process)</h3>\n");
            profiles.forEach(p -> out.append("<pre>").append(Table.escape(p)).append("</pre>\n"));
        }
        return out.append("</body></html>\n").toString();
    }

    private List<String> header() {
        List<String> lines = new ArrayList<>();
        lines.add("started " + info.started() + ", took " + info.elapsed().toSeconds() + " s");
        lines.add("machine: " + info.machine());
        lines.add("generator: this module's, clients on virtual threads in their own JVM; latencies in HdrHistogram;"
                + " server CPU, RSS and threads sampled from /proc over each measurement window");
        info.instruments().forEach(lines::add);
        return lines;
    }

    private List<String> charts() {
        List<String> charts = new ArrayList<>();
        for (String scenario : tables.loadScenarios()) {
            List<LoadRow> all = tables.loadRows(scenario);
            String protocol = all.isEmpty() ? "" : all.get(0).protocol();
            List<LoadRow> rows = all.stream().filter(r -> r.generator().equals("weft-gen") && r.protocol().equals(protocol))
                    .toList();
            boolean openLoop = rows.stream().anyMatch(r -> r.targetRate().isPresent());
            List<Integer> xs = new ArrayList<>(new TreeSet<>(rows.stream()
                    .map(r -> openLoop ? r.targetRate().orElse(0) : r.connections()).toList()));
            if (xs.size() < 2) {
                continue;
            }
            List<String> categories = xs.stream().map(x -> ReportTables.count(x) + (openLoop ? "/s" : "")).toList();
            if (openLoop) {
                charts.add(SvgChart.lines(scenario + ": p99 vs offered rate", "p99 ms", categories,
                        series(rows, xs, true, LoadRow::p99Ms)));
            } else {
                charts.add(SvgChart.lines(scenario + ": responses/s vs connections", "responses/s", categories,
                        series(rows, xs, false, LoadRow::throughput)));
                charts.add(SvgChart.lines(scenario + ": p99 vs connections", "p99 ms", categories,
                        series(rows, xs, false, LoadRow::p99Ms)));
                charts.add(SvgChart.lines(scenario + ": responses per server CPU-second", "per CPU-s", categories,
                        series(rows, xs, false, LoadRow::responsesPerServerCpuSecond)));
            }
        }
        List<IdleRow> idle = tables.idleRows();
        if (!idle.isEmpty()) {
            List<Integer> counts = new ArrayList<>(new TreeSet<>(idle.stream().map(IdleRow::requested).toList()));
            List<String> categories = counts.stream().map(c -> ReportTables.count(c) + " idle").toList();
            charts.add(SvgChart.bars("heap per idle connection", "KiB", categories,
                    idleSeries(idle, counts, IdleRow::heapPerConnectionKiB)));
            charts.add(SvgChart.bars("RSS per idle connection", "KiB", categories,
                    idleSeries(idle, counts, IdleRow::rssPerConnectionKiB)));
        }
        return charts;
    }

    private Map<String, List<OptionalDouble>> series(List<LoadRow> rows, List<Integer> xs, boolean byRate,
                                                     ToDoubleFunction<LoadRow> metric) {
        Map<String, List<OptionalDouble>> series = new LinkedHashMap<>();
        for (String engine : tables.engines()) {
            List<OptionalDouble> points = xs.stream().map(x -> rows.stream()
                    .filter(r -> r.engine().equals(engine) && (byRate ? r.targetRate().orElse(0) : r.connections()) == x)
                    .mapToDouble(metric).findFirst()).toList();
            if (points.stream().anyMatch(OptionalDouble::isPresent)) {
                series.put(engine, points);
            }
        }
        return series;
    }

    private Map<String, List<Double>> idleSeries(List<IdleRow> idle, List<Integer> counts, ToDoubleFunction<IdleRow> metric) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String engine : tables.engines()) {
            if (idle.stream().noneMatch(r -> r.engine().equals(engine))) {
                continue;
            }
            series.put(engine, counts.stream().map(c -> idle.stream()
                    .filter(r -> r.engine().equals(engine) && r.requested() == c)
                    .mapToDouble(metric).findFirst().orElse(0)).toList());
        }
        return series;
    }
}
