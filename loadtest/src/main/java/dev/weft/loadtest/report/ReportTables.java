package dev.weft.loadtest.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns a run's rows into the report's tables. */
final class ReportTables {

    /** The engine every other is compared with. */
    static final String BASELINE = "netty";
    private static final double OPEN_LOOP_P99_LIMIT_MILLIS = 10.0;

    private final List<StepResult> results;

    ReportTables(List<StepResult> results) {
        this.results = List.copyOf(results);
    }

    List<LoadRow> loadRows(String scenario) {
        return results.stream().filter(r -> r instanceof LoadRow && r.scenario().equals(scenario))
                .map(LoadRow.class::cast).toList();
    }

    List<IdleRow> idleRows() {
        return results.stream().filter(IdleRow.class::isInstance).map(IdleRow.class::cast).toList();
    }

    /** Every engine in the order it ran; engines with only n/a rows last. */
    Set<String> engines() {
        Set<String> engines = new LinkedHashSet<>();
        results.stream().filter(r -> !(r instanceof NotApplicableRow)).forEach(r -> engines.add(r.engine()));
        results.forEach(r -> engines.add(r.engine()));
        return engines;
    }

    Set<String> loadScenarios() {
        Set<String> scenarios = new LinkedHashSet<>();
        results.stream().filter(LoadRow.class::isInstance).forEach(r -> scenarios.add(r.scenario()));
        return scenarios;
    }

    List<NotApplicableRow> notApplicableRows() {
        return results.stream().filter(NotApplicableRow.class::isInstance).map(NotApplicableRow.class::cast).toList();
    }

    /** Why {@code engine} has no row for {@code scenario}, when the run said so. */
    Optional<String> notApplicable(String engine, String scenario) {
        return notApplicableRows().stream().filter(r -> r.engine().equals(engine) && r.scenario().equals(scenario))
                .map(NotApplicableRow::reason).findFirst();
    }

    /** Every table, in report order. */
    List<Table> all(RunInfo info) {
        List<Table> tables = new ArrayList<>();
        tables.add(enginesTable(info));
        Optional.ofNullable(versusBaseline()).ifPresent(tables::add);
        Optional.ofNullable(openLoopSummary()).ifPresent(tables::add);
        Optional.ofNullable(GeneratorComparison.table(this)).ifPresent(tables::add);
        Optional.ofNullable(SyscallTable.table(this)).ifPresent(tables::add);
        for (String scenario : loadScenarios()) {
            tables.add(loadTable(scenario));
        }
        if (!notApplicableRows().isEmpty()) {
            tables.add(new Table("Not applicable (n/a)", "Engine–scenario pairs that have no meaning, or need an"
                    + " instrument this machine lacks, with the reason.", List.of("engine", "scenario", "reason"),
                    notApplicableRows().stream().map(r -> List.of(r.engine(), r.scenario(), r.reason())).toList()));
        }
        if (!idleRows().isEmpty()) {
            tables.add(idleTable());
            tables.add(idleByClassTable());
        }
        List<SkippedRow> skipped = results.stream().filter(SkippedRow.class::isInstance).map(SkippedRow.class::cast).toList();
        if (!skipped.isEmpty()) {
            tables.add(new Table("Steps not run", "", List.of("engine", "scenario", "connections", "reason"),
                    skipped.stream().map(s -> List.of(s.engine(), s.scenario(), Integer.toString(s.connections()), s.reason()))
                            .toList()));
        }
        return tables;
    }

    /** Every engine that ran, with its transport: the first thing a reader must know. */
    private Table enginesTable(RunInfo info) {
        List<List<String>> rows = new ArrayList<>();
        for (String engine : engines()) {
            rows.add(List.of(engine, info.transports().getOrDefault(engine, "not started (no applicable scenario)"),
                    info.engines().getOrDefault(engine, "")));
        }
        return new Table("Engines and their transports", "How each engine waits for its sockets, as the engine"
                + " itself reported at start (a Netty engine that could not load native epoll on Linux x86_64 stops the"
                + " run instead of appearing here on NIO).", List.of("engine", "transport", "what it is"), rows);
    }

    private Table loadTable(String scenario) {
        List<String> headers = List.of("engine", "protocol", "conns", "rate", "responses/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms", "errors", "timeouts", "server cores", "per server CPU-s", "CPU µs/resp",
                "server RSS MiB", "threads", "gen CPU s");
        List<List<String>> rows = loadRows(scenario).stream().map(r -> List.of(r.engine(), r.protocol(),
                count(r.connections()), r.targetRate().isPresent() ? count(r.targetRate().getAsInt()) + "/s" : "closed",
                count(Math.round(r.throughput())), ms(r.p50Ms()), ms(r.p90Ms()), ms(r.p99Ms()),
                r.p999Ms().isPresent() ? ms(r.p999Ms().getAsDouble()) : "n/a", ms(r.maxMs()),
                Long.toString(r.errors()), Long.toString(r.timeouts()), fixed(r.serverCores(), 2),
                count(Math.round(r.responsesPerServerCpuSecond())), fixed(r.serverCpuMicrosPerResponse(), 1),
                fixed(r.serverRssMiB(), 0), Integer.toString(r.serverThreads()),
                r.generator().equals("weft-gen") ? fixed(r.generatorCpuSeconds(), 2) : "n/a"))
                .toList();
        String generator = loadRows(scenario).get(0).generator();
        String note = switch (scenario) {
            case "udp-fanout" -> "conns = receivers in the room; responses = deliveries (one message reaches every receiver);"
                    + " latency from send to receipt; errors = deliveries lost.";
            case "udp-echo" -> "conns = client sockets, each keeping w datagrams in flight (w in the protocol name);"
                    + " responses = echoes; latency from send to receipt; errors = datagrams lost (no echo within 200 ms)"
                    + " or echoed wrong.";
            case "h2" -> "conns = h2load connections, each with the protocol's number of concurrent streams; h2load reports"
                    + " no latency percentiles, only the maximum.";
            case "tls-connect" -> "Every response on a new TLS connection with a full handshake (no resumption);"
                    + " latency includes connect and handshake.";
            default -> "";
        };
        return new Table("Scenario " + scenario + " (generator " + generator + ")", note, headers, rows);
    }

    private Table idleTable() {
        List<String> headers = List.of("engine", "protocol", "requested", "held", "alive at end", "heap/conn KiB",
                "RSS/conn KiB", "threads before", "threads after", "server fds", "holder processes");
        List<List<String>> rows = idleRows().stream().map(r -> List.of(r.engine(), r.protocol(), count(r.requested()),
                count(r.held()), count(r.alive()), fixed(r.heapPerConnectionKiB(), 2), fixed(r.rssPerConnectionKiB(), 2),
                count(r.threadsBefore()), count(r.threadsAfter()), count(r.fdsAfter()),
                Integer.toString(r.holderProcesses()))).toList();
        return new Table("Idle connections held", "Heap measured after a full GC in the server; per connection ="
                + " (with connections - before) / held.", headers, rows);
    }

    private Table idleByClassTable() {
        return new Table("Idle heap per connection, by class",
                "Live-heap growth per held connection from jcmd GC.class_histogram before and after, largest classes"
                        + " first (a parked virtual thread's stack is the StackChunk).",
                List.of("engine", "connections", "largest classes, bytes per connection"),
                idleRows().stream().map(r -> List.of(r.engine(), count(r.held()),
                        r.heapByClass().isEmpty() ? "jcmd not available" : r.heapByClass())).toList());
    }

    /** Each engine's throughput and throughput per server CPU-second, divided by the baseline's. */
    private Table versusBaseline() {
        List<String> others = engines().stream().filter(e -> !e.equals(BASELINE)).toList();
        if (!engines().contains(BASELINE) || others.isEmpty()) {
            return null;
        }
        List<String> headers = new ArrayList<>(List.of("scenario", "protocol (instrument)", "conns", BASELINE + " responses/s"));
        others.forEach(e -> headers.add(e + " ÷ " + BASELINE + " (rate / per CPU-s)"));
        List<List<String>> rows = new ArrayList<>();
        for (String scenario : loadScenarios()) {
            for (LoadRow base : loadRows(scenario)) {
                if (!base.engine().equals(BASELINE) || base.targetRate().isPresent()) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(scenario, base.protocol() + " (" + base.generator() + ")",
                        count(base.connections()), count(Math.round(base.throughput()))));
                for (String engine : others) {
                    row.add(loadRows(scenario).stream()
                            .filter(r -> r.engine().equals(engine) && r.connections() == base.connections()
                                    && r.protocol().equals(base.protocol()) && r.generator().equals(base.generator()))
                            .findFirst()
                            .map(r -> ratio(r.throughput(), base.throughput()) + " / "
                                    + ratio(r.responsesPerServerCpuSecond(), base.responsesPerServerCpuSecond()))
                            .orElse(notApplicable(engine, scenario).isPresent() ? "n/a" : "–"));
                }
                rows.add(row);
            }
        }
        return rows.isEmpty() ? null : new Table("Versus " + BASELINE,
                "Closed-loop throughput of each engine divided by " + BASELINE + "'s at the same connection count, protocol"
                        + " and instrument, then the same for responses per server CPU-second (fair when the generator shares"
                        + " the cores). n/a: the engine has no meaning for the scenario (see the n/a table).",
                headers, rows);
    }

    /** Per engine: the highest open-loop rate whose p99 stayed under the limit without errors. */
    private Table openLoopSummary() {
        List<LoadRow> rows = loadRows("open-loop");
        if (rows.isEmpty()) {
            return null;
        }
        List<List<String>> cells = new ArrayList<>();
        for (String engine : engines()) {
            Optional<LoadRow> best = rows.stream().filter(r -> r.engine().equals(engine))
                    .filter(r -> r.p99Ms() < OPEN_LOOP_P99_LIMIT_MILLIS && r.errors() + r.timeouts() == 0)
                    .max((a, b) -> Integer.compare(a.targetRate().orElse(0), b.targetRate().orElse(0)));
            if (rows.stream().anyMatch(r -> r.engine().equals(engine))) {
                cells.add(List.of(engine, best.map(r -> count(r.targetRate().orElse(0)) + "/s").orElse("none"),
                        best.map(r -> ms(r.p99Ms())).orElse("–"), best.map(r -> count(Math.round(r.throughput()))).orElse("–")));
            }
        }
        return new Table("Highest open-loop rate with p99 under " + fixed(OPEN_LOOP_P99_LIMIT_MILLIS, 0) + " ms",
                "Latency measured from each request's intended send time (coordinated omission corrected).",
                List.of("engine", "rate", "p99 ms", "achieved responses/s"), cells);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? fixed(value, 0) : value >= 10 ? fixed(value, 1) : fixed(value, 3);
    }

    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String ratio(double value, double base) {
        return base > 0 ? fixed(value / base, 2) + "×" : "–";
    }
}
