package dev.weft.loadtest.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Adds up Weft's JFR events of one recording: connections opened and closed, and requests
 * served per {@code method route status} with the count and the median, 99th percentile and
 * largest duration.
 */
final class WeftEventTally {

    private long opened;
    private final List<Duration> closed = new ArrayList<>();
    private final Map<String, List<Duration>> served = new TreeMap<>();

    void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case WeftJfrEvents.CONNECTION_OPENED -> opened++;
            case WeftJfrEvents.CONNECTION_CLOSED -> closed.add(event.getDuration());
            case WeftJfrEvents.REQUEST_SERVED -> served.computeIfAbsent(field(event, "method") + " "
                    + field(event, "route") + " " + field(event, "status"), k -> new ArrayList<>()).add(event.getDuration());
            default -> throw new IllegalArgumentException("not a Weft event: " + event.getEventType().getName());
        }
    }

    private static String field(RecordedEvent event, String name) {
        return event.hasField(name) ? String.valueOf((Object) event.getValue(name)) : "?";
    }

    /** The summary, or "none recorded" (with what enables them) when there were no Weft events. */
    String text() {
        if (opened == 0 && closed.isEmpty() && served.isEmpty()) {
            return "  none recorded (" + String.join(", ", WeftJfrEvents.NAMES) + ": this engine emits none, or the"
                    + " recording did not enable them)\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %s: %,d%n", WeftJfrEvents.CONNECTION_OPENED, opened));
        out.append(String.format(Locale.ROOT, "  %s: %,d%s%n", WeftJfrEvents.CONNECTION_CLOSED, closed.size(),
                closed.isEmpty() ? "" : ", lifetime " + percentiles(closed)));
        out.append("  ").append(WeftJfrEvents.REQUEST_SERVED).append(served.isEmpty() ? ": 0\n" : " by method, route, status:\n");
        served.forEach((key, durations) -> out.append(String.format(Locale.ROOT, "    %-40s %,10d  %s%n", key,
                durations.size(), percentiles(durations))));
        return out.toString();
    }

    private static String percentiles(List<Duration> durations) {
        List<Duration> sorted = durations.stream().sorted().toList();
        return "p50 " + micros(at(sorted, 0.50)) + ", p99 " + micros(at(sorted, 0.99)) + ", max "
                + micros(sorted.get(sorted.size() - 1));
    }

    private static Duration at(List<Duration> sorted, double fraction) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
    }

    private static String micros(Duration d) {
        return String.format(Locale.ROOT, "%.1f µs", d.toNanos() / 1_000.0);
    }
}
