package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.generator.ConnectionReuse;
import dev.weft.loadtest.generator.LoadGenerator;
import dev.weft.loadtest.generator.LoadMode;
import dev.weft.loadtest.generator.LoadSpec;
import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.report.EngineStart;
import dev.weft.loadtest.report.JfrSummary;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.NotApplicableRow;
import dev.weft.loadtest.report.Report;
import dev.weft.loadtest.report.RunInfo;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.report.SyscallColumns;
import dev.weft.loadtest.report.WeftJfrEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@link MatrixPlan}: one engine process at a time, each warmed up, then its steps in
 * order with a progress line each; writes the report at the end (and also when a step fails, so
 * nothing measured is lost). Every process it starts is stopped before it returns.
 */
public final class MatrixRunner {

    private final MatrixOptions options;
    private final PrintStream progress;
    private final JavaProcesses processes = new JavaProcesses();
    private int engineStarts;
    private final List<Path> recordings = new ArrayList<>();
    private final List<EngineStart> starts = new ArrayList<>();
    private int stepsDone;
    private int totalSteps;
    private long startNanos;
    private Duration planned = Duration.ZERO;

    /** A runner printing its progress lines to {@code progress}. */
    public MatrixRunner(MatrixOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the whole matrix and writes the report; returns every row. */
    public List<StepResult> run() throws IOException, InterruptedException {
        MatrixPlan plan = MatrixPlan.of(options);
        totalSteps = plan.allSteps().size();
        planned = plan.estimate(options.profile());
        progress.printf("planned: %d steps over %d engines, at most about %s (skipped steps take no time)%n",
                totalSteps, plan.engines().size(), clock(planned));
        progress.println(options.instruments().syscalls().describe());
        startNanos = System.nanoTime();
        Instant started = Instant.now();
        List<StepResult> results = new ArrayList<>(plan.allNotApplicable());
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, String> transports = new LinkedHashMap<>();
        try {
            for (MatrixPlan.EngineSteps engineSteps : plan.engines()) {
                runEngine(engineSteps, results, descriptions, transports);
            }
        } finally {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            new Report(new RunInfo(started, elapsed, profileName(), descriptions, transports, instrumentLines()),
                    results, summarizeRecordings(), starts).writeTo(options.outputDir());
            progress.printf("done in %s; report in %s%n", clock(elapsed), options.outputDir().resolve("report.md"));
        }
        return results;
    }

    private String profileName() {
        Profile p = options.profile();
        return p == Profile.QUICK ? "quick" : p == Profile.FULL ? "full" : "smoke";
    }

    /** What each external instrument was, or why it was not used. */
    private List<String> instrumentLines() {
        Instruments tools = options.instruments();
        return List.of(
                "wrk: " + tools.wrk().map(Path::toString).orElse("not installed (apt-get install wrk)"),
                "h2load: " + tools.h2load().map(Path::toString).orElse("not installed (apt-get install nghttp2-client)"),
                tools.syscalls().describe());
    }

    /** Where each profiled engine's time went, also written next to its recording. */
    private List<String> summarizeRecordings() {
        List<String> summaries = new ArrayList<>();
        for (Path recording : recordings) {
            try {
                summaries.add(JfrSummary.summarize(recording));
            } catch (IOException e) {
                progress.println("no profile summary for " + recording + ": " + e.getMessage());
            }
        }
        return summaries;
    }

    private void runEngine(MatrixPlan.EngineSteps engineSteps, List<StepResult> results, Map<String, String> descriptions,
                           Map<String, String> transports) throws IOException, InterruptedException {
        engineSteps.notApplicable().forEach(row -> progress.printf("      %s %s: n/a, %s%n", row.engine(), row.scenario(),
                row.reason()));
        List<Step> load = engineSteps.steps().stream().filter(s -> s.scenario() != Scenario.IDLE).toList();
        List<Step> idle = engineSteps.steps().stream().filter(s -> s.scenario() == Scenario.IDLE).toList();
        if (!load.isEmpty()) {
            try (EngineProcess engine = startEngine(engineSteps.engine(), descriptions, transports)) {
                EngineWarmUp.run(engine, options.profile().engineWarmup(), options.instruments());
                OpenLoopCutoff cutoff = new OpenLoopCutoff();
                for (Step step : load) {
                    announce(step);
                    StepResult result = cutoff.saturated() && step.scenario() == Scenario.OPEN_LOOP
                            ? cutoff.skip(step) : runStep(step, engine);
                    cutoff.note(result);
                    record(result, results);
                }
            }
        }
        for (Step step : idle) {
            // A fresh process per idle step: memory grown by earlier steps would hide the cost per connection.
            try (EngineProcess engine = startEngine(engineSteps.engine(), descriptions, transports)) {
                announce(step);
                record(runStep(step, engine), results);
            }
        }
    }

    private EngineProcess startEngine(EngineKind kind, Map<String, String> descriptions, Map<String, String> transports)
            throws IOException, InterruptedException {
        Files.createDirectories(options.outputDir());
        List<String> recording = List.of();
        if (options.recordJfr()) {
            Path jfr = options.outputDir().resolve(kind.label() + "-" + (++engineStarts) + ".jfr");
            recordings.add(jfr);
            recording = List.of(WeftJfrEvents.startFlightRecording(jfr));
        }
        EngineProcess engine = EngineProcess.start(processes, kind, options.engineJvmOptions(), recording);
        starts.add(engine.start());
        descriptions.put(kind.label(), engine.description());
        transports.put(kind.label(), engine.transport());
        progress.printf("engine %s on %s: %s (pid %d), listening after %d ms, RSS %.1f MiB%n", kind.label(),
                engine.transport(), engine.description(), engine.pid(), engine.start().startUp().toMillis(),
                engine.start().rssBytes() / (1024.0 * 1024.0));
        return engine;
    }

    private void announce(Step step) {
        progress.printf("[%d/%d] %s elapsed %s of ~%s%n", ++stepsDone, totalSteps, step.describe(),
                clock(Duration.ofNanos(System.nanoTime() - startNanos)), clock(planned));
    }

    private void record(StepResult result, List<StepResult> results) {
        results.add(result);
        progress.println("      " + summary(result));
    }

    private StepResult runStep(Step step, EngineProcess engine) throws InterruptedException, IOException {
        if (!engine.isAlive()) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(), "engine process died");
        }
        Instruments tools = options.instruments();
        return switch (step.scenario()) {
            case IDLE -> IdleStepRunner.run(step, engine, processes);
            case WRK -> WrkStepRunner.run(step, engine, tools.wrk().orElseThrow(), tools.syscalls());
            case H2 -> H2loadStepRunner.run(step, engine, tools.h2load().orElseThrow(), tools.syscalls());
            default -> StepRunner.run(step, engine, tools.syscalls());
        };
    }

    private static String summary(StepResult result) {
        return switch (result) {
            case LoadRow r -> String.format("%,.0f/s  p50 %.2f ms  p99 %.2f ms  max %.1f ms  errors %d  timeouts %d"
                            + "  server %.2f cores, %,.0f per CPU-s, %.0f MiB, %d threads",
                    r.throughput(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.errors(), r.timeouts(), r.serverCores(),
                    r.responsesPerServerCpuSecond(), r.serverRssMiB(), r.serverThreads())
                    + "\n      " + SyscallColumns.brief(r.syscalls(), r.responses());
            case dev.weft.loadtest.report.IdleRow r -> String.format(
                    "held %d of %d, alive %d; per connection %.1f KiB heap, %.1f KiB RSS; threads %d -> %d",
                    r.held(), r.requested(), r.alive(), r.heapPerConnectionKiB(), r.rssPerConnectionKiB(),
                    r.threadsBefore(), r.threadsAfter());
            case SkippedRow r -> "skipped: " + r.reason();
            case NotApplicableRow r -> "n/a: " + r.reason();
        };
    }

    private static String clock(Duration d) {
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
