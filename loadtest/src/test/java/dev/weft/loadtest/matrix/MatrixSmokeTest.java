package dev.weft.loadtest.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.report.IdleRow;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every engine × every scenario for a fraction of a second at low concurrency, exactly as the
 * script runs them (each engine and each idle holder in its own JVM), then the report.
 */
class MatrixSmokeTest {

    @TempDir
    Path out;

    @Test
    void everyEngineRunsEveryScenarioWithPlausibleNumbersAndAReportIsWritten() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Optional<Path> wrk = Optional.of(Path.of("/usr/bin/wrk")).filter(Files::isExecutable);
        MatrixOptions options = new MatrixOptions(Profile.SMOKE, List.of(EngineKind.values()),
                List.of(Scenario.values()), out, wrk, false, List.of());
        List<StepResult> results = new MatrixRunner(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(MatrixPlan.of(options).allSteps().size(), results.size());
        for (StepResult result : results) {
            switch (result) {
                case LoadRow row -> assertPlausible(row);
                case IdleRow row -> {
                    assertEquals(row.requested(), row.held(), row.toString());
                    assertEquals(row.held(), row.alive(), row.toString());
                    assertTrue(row.threadsAfter() > 0 && row.fdsAfter() >= row.held(), row.toString());
                    assertFalse(row.heapByClass().isEmpty(), "the heap growth is broken down by class: " + row);
                }
                case SkippedRow row -> throw new AssertionError("every step must run: " + row);
            }
        }
        for (EngineKind kind : EngineKind.values()) {
            assertTrue(results.stream().anyMatch(r -> r instanceof LoadRow row && row.engine().equals(kind.label())),
                    kind + " produced no row");
        }
        String log = progress.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[1/" + results.size() + "]"), log);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertFalse(html.contains("<script") || html.contains("<link"), "nothing is loaded from elsewhere");
        assertTrue(Files.readString(out.resolve("report.md")).contains("### Scenario echo"));
        assertTrue(Files.readString(out.resolve("load.csv")).startsWith("engine,scenario,protocol"));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"kind\": \"LoadRow\""));
    }

    private static void assertPlausible(LoadRow row) {
        assertTrue(row.responses() > 0 && row.throughput() > 20, "no traffic: " + row);
        assertEquals(0, row.errors(), row.toString());
        assertEquals(0, row.timeouts(), row.toString());
        assertTrue(row.p50Ms() <= row.p99Ms() && row.p99Ms() <= row.maxMs(), "percentiles out of order: " + row);
        assertTrue(row.serverCpuSeconds() >= 0 && row.serverRssMiB() > 10 && row.serverThreads() > 1, row.toString());
        row.targetRate().ifPresent(rate -> assertTrue(row.throughput() > rate * 0.5 && row.throughput() < rate * 1.5,
                "open loop at " + rate + "/s achieved " + row.throughput()));
    }
}
