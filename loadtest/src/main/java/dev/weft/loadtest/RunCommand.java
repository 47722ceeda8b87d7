package dev.weft.loadtest;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.matrix.Instruments;
import dev.weft.loadtest.matrix.MatrixOptions;
import dev.weft.loadtest.matrix.MatrixPlan;
import dev.weft.loadtest.matrix.MatrixRunner;
import dev.weft.loadtest.matrix.Profile;
import dev.weft.loadtest.matrix.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the scenario matrix, or with {@code --dry-run} its plan. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs every selected scenario on every selected engine and writes the report.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "1 s warm-up + 1 s per step, fewer steps: indicative numbers in minutes")
    private boolean quick;

    @Option(names = "--engines", split = ",", paramLabel = "LIST",
            description = "engines, comma-separated (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = Main.EngineLabels.class)
    private List<EngineKind> engines = List.of(EngineKind.values());

    @Option(names = "--scenarios", split = ",", paramLabel = "LIST",
            description = "scenarios, comma-separated (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = ScenarioLabels.class)
    private List<Scenario> scenarios = List.of(Scenario.values());

    @Option(names = "--out", paramLabel = "DIR", description = "where the report goes (default: loadtest/results/<time>)")
    private Path out;

    @Option(names = "--no-wrk", description = "leave the wrk cross-check out even when wrk is installed")
    private boolean noWrk;

    @Option(names = "--no-perf", description = "do not count system calls with perf (cleanest throughput)")
    private boolean noPerf;

    @Option(names = "--jfr", description = "record a JFR profile of every engine process, with Weft's events")
    private boolean jfr;

    @Option(names = "--engine-jvm-options", paramLabel = "\"OPTIONS\"",
            description = "extra JVM options for every engine process, for experiments")
    private String engineJvmOptions = "";

    @Option(names = "--dry-run", description = "print the plan and its time, run nothing")
    private boolean dryRun;

    /** The scenario labels, for the usage text. */
    static final class ScenarioLabels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenario.labels().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Profile profile = quick ? Profile.QUICK : Profile.FULL;
        Instruments discovered = Instruments.discover(!noPerf);
        Instruments instruments = noWrk ? new Instruments(java.util.Optional.empty(), discovered.h2load(),
                discovered.syscalls()) : discovered;
        Path dir = out != null ? out : Path.of("loadtest", "results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> jvmOptions = engineJvmOptions.isBlank() ? List.of() : List.of(engineJvmOptions.trim().split("\\s+"));
        MatrixOptions options = new MatrixOptions(profile, engines, scenarios, dir, instruments, jfr, jvmOptions);
        if (dryRun) {
            MatrixPlan plan = MatrixPlan.of(options);
            plan.allSteps().forEach(step -> console.println(step.describe()));
            plan.allNotApplicable().forEach(row -> console.println(row.engine() + " " + row.scenario() + ": n/a, "
                    + row.reason()));
            console.printf("%d steps, about %d min %d s%n", plan.allSteps().size(),
                    plan.estimate(profile).toMinutes(), plan.estimate(profile).toSecondsPart());
            console.flush();
            return 0;
        }
        java.io.PrintStream progress = System.out;
        new MatrixRunner(options, progress).run();
        return 0;
    }
}
