package dev.weft.loadtest.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.report.IdleRow;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.NotApplicableRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.SyscallCounter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix exactly as the script runs it (each engine and each idle holder in its own JVM),
 * for a fraction of a second per step at low concurrency, then the report — in two slices that
 * together start every engine and run every scenario at least once, within about 30 s on two
 * cores. Without perf: system calls are reported as unavailable. wrk and h2load steps run
 * where those are installed and are listed as n/a where not.
 */
class MatrixSmokeTest {

    @TempDir
    Path out;

    static Stream<Arguments> slices() {
        return Stream.of(
                Arguments.of(List.of(EngineKind.WEFT_VIRTUAL, EngineKind.JETTY),
                        List.of(Scenario.ECHO, Scenario.HTTP, Scenario.H2, Scenario.UDP_FANOUT, Scenario.UDP_ECHO, Scenario.WRK,
                                Scenario.IDLE)),
                Arguments.of(List.of(EngineKind.NETTY, EngineKind.HELIDON, EngineKind.REACTOR, EngineKind.WEFT_PLATFORM),
                        List.of(Scenario.PIPELINED, Scenario.OPEN_LOOP, Scenario.CHURN, Scenario.HTTPS, Scenario.TLS_CONNECT,
                                Scenario.WEBSOCKET, Scenario.UDP_ECHO)));
    }

    @ParameterizedTest
    @MethodSource("slices")
    void everyEngineRunsEveryScenarioItServesWithPlausibleNumbersAndAReportIsWritten(List<EngineKind> engines,
                                                                                   List<Scenario> scenarios) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Instruments discovered = Instruments.discover(false);
        Instruments instruments = new Instruments(discovered.wrk(), discovered.h2load(),
                new SyscallCounter.Probe.Unavailable("the smoke test runs without perf"));
        MatrixOptions options = new MatrixOptions(Profile.SMOKE, engines, scenarios, out, instruments, false, List.of());
        MatrixPlan plan = MatrixPlan.of(options);
        List<StepResult> results = new MatrixRunner(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        assertEquals(plan.allSteps().size() + plan.allNotApplicable().size(), results.size());
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
                case NotApplicableRow row -> assertFalse(row.reason().isBlank(), row.toString());
            }
        }
        for (EngineKind kind : engines) {
            assertTrue(results.stream().anyMatch(r -> r instanceof LoadRow row && row.engine().equals(kind.label())
                            && row.responses() > 0) || kind == EngineKind.JETTY && instruments.h2load().isEmpty(),
                    kind + " served no response in any window");
        }
        String log = progress.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[1/" + plan.allSteps().size() + "]"), log);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") || !scenarios.contains(Scenario.IDLE), "charts are inline SVG");
        assertFalse(html.contains("<script") || html.contains("<link"), "nothing is loaded from elsewhere");
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("### Engines and their transports"), markdown);
        assertTrue(markdown.contains("### Why: server CPU and system calls per response"), markdown);
        assertTrue(markdown.contains("unavailable"), "syscalls without perf are said to be unavailable");
        assertTrue(markdown.contains("### Not applicable (n/a)"), markdown);
        assertTrue(Files.readString(out.resolve("load.csv")).startsWith("engine,scenario,protocol"));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"kind\": \"LoadRow\""));
    }

    /**
     * No errors and no timeouts in any step: every round trip got its right answer (a client
     * ends only when its answer came or timed out). A window of a fraction of a second may
     * still see no round trip start and finish on a loaded machine; the numbers of the steps
     * that did are checked for sense.
     */
    private static void assertPlausible(LoadRow row) {
        assertEquals(0, row.errors(), row.toString());
        assertEquals(0, row.timeouts(), row.toString());
        if (row.responses() == 0) {
            return;
        }
        if (row.generator().equals("weft-gen")) { // wrk's and h2load's percentiles are theirs to get right
            assertTrue(row.p50Ms() <= row.p99Ms() && row.p99Ms() <= row.maxMs(), "percentiles out of order: " + row);
        }
        assertTrue(row.serverCpuSeconds() >= 0 && row.serverRssMiB() > 10 && row.serverThreads() > 1, row.toString());
        row.targetRate().ifPresent(rate -> assertTrue(row.throughput() > rate * 0.5 && row.throughput() < rate * 1.5,
                "open loop at " + rate + "/s achieved " + row.throughput()));
    }
}
