package dev.weft.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a soak run and its files: {@code report.md} (verdict, start and end figures,
 * trends, requests), {@code chart.svg} (see {@link SoakChart}) and {@code samples.csv}.
 *
 * @param description what ran: the process, the load, the duration
 * @param warmUp      the samples before it are left out of the trends
 * @param samples     every sample, in order
 * @param trends      one per metric, fitted to the samples after warm-up (empty if too few)
 * @param tallies     the requests of each kind of load
 * @param problems    why the run failed; empty when it passed
 */
record SoakReport(String description, Duration warmUp, List<Sample> samples, List<Trend> trends,
                  List<Tally> tallies, List<String> problems) {

    /** Whether the run passed: no failed request, no metric trending up, the process alive. */
    boolean passed() {
        return problems.isEmpty();
    }

    /** Writes the three files into {@code directory}. */
    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("samples.csv"), csv(), StandardCharsets.UTF_8);
        if (!samples.isEmpty()) {
            Files.writeString(directory.resolve("chart.svg"),
                    SoakChart.svg(samples, warmUp.toMillis() / 1000.0, trends), StandardCharsets.UTF_8);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Soak run\n\n").append(description).append("\n\n");
        md.append("**Verdict: ").append(passed() ? "PASS" : "FAIL").append("**\n\n");
        problems.forEach(p -> md.append("- ").append(p).append('\n'));
        if (!problems.isEmpty()) {
            md.append('\n');
        }
        md.append("## Requests\n\n| load | succeeded | failed | first failures |\n|---|---:|---:|---|\n");
        long total = 0;
        for (Tally t : tallies) {
            total += t.succeeded() + t.failed();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", t.name(), t.succeeded(), t.failed(),
                    String.join("; ", t.firstFailures()).replace("|", "\\|")));
        }
        md.append(String.format(Locale.ROOT, "| all | %d | %d | |%n%n", total - failed(), failed()));
        if (!samples.isEmpty()) {
            figures(md);
        }
        md.append("![chart](chart.svg)\n");
        return md.toString();
    }

    private void figures(StringBuilder md) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        Sample afterWarmUp = samples.stream().filter(s -> s.elapsed().compareTo(warmUp) >= 0).findFirst().orElse(last);
        md.append(String.format(Locale.ROOT, "## Process (%d samples; warm-up %d s)%n%n", samples.size(), warmUp.toSeconds()));
        md.append("| metric | start | after warm-up | end | trend after warm-up | allowed | verdict |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Metric m : Metric.values()) {
            Trend trend = trends.stream().filter(t -> t.metric() == m).findFirst().orElse(null);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", m.label(),
                    m.format(m.of(first)), m.format(m.of(afterWarmUp)), m.format(m.of(last)),
                    trend == null ? "-" : m.format(trend.growth()), trend == null ? "-" : m.format(trend.allowed()),
                    trend == null ? "too few samples" : trend.risesTooMuch() ? "RISES" : "flat"));
        }
        md.append("\nA metric trends up when the least-squares line through its samples after warm-up rises, "
                + "from the first of them to the last, by more than the allowance: the larger of 10 % of its "
                + "mean and a floor (RSS 16 MiB, heap 4 MiB, threads 4, descriptors 16).\n\n");
    }

    private long failed() {
        return tallies.stream().mapToLong(Tally::failed).sum();
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("seconds,rss_bytes,heap_after_gc_bytes,threads,descriptors\n");
        for (Sample s : samples) {
            csv.append(String.format(Locale.ROOT, "%.1f,%d,%d,%d,%d%n", s.elapsed().toMillis() / 1000.0,
                    s.rssBytes(), s.heapAfterGcBytes(), s.threads(), s.descriptors()));
        }
        return csv.toString();
    }
}
