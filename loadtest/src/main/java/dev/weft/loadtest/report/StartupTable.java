package dev.weft.loadtest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up to listening and idle memory, per engine: the fastest and the median of the run's
 * starts of that engine (each load phase and each idle step starts a fresh process), and the
 * resident memory right after the start, before any traffic.
 */
final class StartupTable {

    private StartupTable() {
    }

    /** The table, or null when the run started no engine. */
    static Table table(List<EngineStart> starts) {
        Map<String, List<EngineStart>> byEngine = new LinkedHashMap<>();
        for (EngineStart start : starts) {
            byEngine.computeIfAbsent(start.engine(), e -> new ArrayList<>()).add(start);
        }
        if (byEngine.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        byEngine.forEach((engine, list) -> {
            List<Duration> times = list.stream().map(EngineStart::startUp).sorted().toList();
            List<Long> rss = list.stream().map(EngineStart::rssBytes).sorted(Comparator.naturalOrder()).toList();
            rows.add(List.of(engine, list.get(0).services(), Integer.toString(list.size()),
                    Long.toString(times.get(0).toMillis()), Long.toString(times.get(times.size() / 2).toMillis()),
                    ReportTables.fixed(rss.get(rss.size() / 2) / (1024.0 * 1024.0), 1)));
        });
        return new Table("Start-up to listening, and memory before any traffic",
                "From launching the engine's JVM to its READY line (every service listed listens), the same JVM options"
                        + " for all; RSS is VmRSS right after READY. Engines start different services, so read each"
                        + " row with its service list.",
                List.of("engine", "services", "starts", "fastest ms", "median ms", "median RSS MiB"), rows);
    }
}
