package dev.weft.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an engine's time went, from its JFR recording: Weft's own events
 * ({@link WeftJfrEvents}: connections opened and closed, requests served by method, route and
 * status with their durations — "none recorded" when the recording has none), the methods most
 * often on top of a CPU sample (self), the methods most often anywhere in one (inclusive), and
 * the classes allocated most (by sampled weight). Written next to the recording as
 * {@code <name>.txt}.
 */
public final class JfrSummary {

    private static final int TOP = 30;

    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Long> allocated = new HashMap<>();
    private final WeftEventTally weft = new WeftEventTally();
    private int samples;
    private long allocatedBytes;

    private JfrSummary() {
    }

    /** Reads {@code recording}, writes the summary beside it ({@code .txt}) and returns its text. */
    public static String summarize(Path recording) throws IOException {
        JfrSummary summary = new JfrSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            summary.add(event);
        }
        Path out = recording.resolveSibling(recording.getFileName().toString().replaceFirst("\\.jfr$", "") + ".txt");
        String text = summary.text(recording.getFileName().toString());
        Files.writeString(out, text);
        return text;
    }

    private void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        if (WeftJfrEvents.NAMES.contains(type)) {
            weft.add(event);
        } else if (type.equals("jdk.ExecutionSample")) {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                return;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(name(frame))) {
                    inclusive.merge(name(frame), 1, Integer::sum);
                }
            }
        } else if (type.equals("jdk.ObjectAllocationSample")) {
            long weight = event.getLong("weight");
            allocatedBytes += weight;
            allocated.merge(event.getClass("objectClass").getName(), weight, Long::sum);
        }
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private String text(String title) {
        StringBuilder out = new StringBuilder(title).append("\n\nWeft's events:\n").append(weft.text())
                .append('\n').append(samples).append(" CPU samples\n\nself:\n");
        top(self).forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        out.append("\ninclusive:\n");
        top(inclusive).forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        out.append(String.format(Locale.ROOT, "%nallocation (sampled weight, %,d MiB in all):%n", allocatedBytes >> 20));
        allocated.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
                        100.0 * e.getValue() / Math.max(1, allocatedBytes), e.getKey())));
        return out.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP).collect(Collectors.toList());
    }
}
