package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to run.
 *
 * @param profile     step lengths and sweeps
 * @param engines     the engines, in order
 * @param scenarios   the scenarios, in order
 * @param outputDir   where the report and raw numbers go
 * @param instruments wrk, h2load and perf, where installed
 * @param recordJfr   whether each engine process records a JFR profile ({@code <engine>-<n>.jfr}
 *                    in the output directory) with Weft's own events, to show where its time goes
 * @param engineJvmOptions extra JVM options for every engine process, for experiments (for
 *                    example a scheduler or GC setting); empty normally
 */
public record MatrixOptions(Profile profile, List<EngineKind> engines, List<Scenario> scenarios,
                            Path outputDir, Instruments instruments, boolean recordJfr, List<String> engineJvmOptions) {

    /** Validates. */
    public MatrixOptions {
        Objects.requireNonNull(profile, "profile");
        engines = List.copyOf(engines);
        scenarios = List.copyOf(scenarios);
        engineJvmOptions = List.copyOf(engineJvmOptions);
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(instruments, "instruments");
        if (engines.isEmpty() || scenarios.isEmpty()) {
            throw new IllegalArgumentException("need at least one engine and one scenario");
        }
    }
}
