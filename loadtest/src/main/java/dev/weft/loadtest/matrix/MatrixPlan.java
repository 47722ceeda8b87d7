package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The steps of a run, per engine in order. Within an engine the idle steps come last: they
 * leave the process with the most memory it ever had, which would distort later rows.
 *
 * @param engines one entry per engine, with its steps
 */
public record MatrixPlan(List<EngineSteps> engines) {

    /**
     * The steps of one engine.
     *
     * @param engine the engine
     * @param steps  its steps, in order
     */
    public record EngineSteps(EngineKind engine, List<Step> steps) {
    }

    /** The plan for {@code options}. */
    public static MatrixPlan of(MatrixOptions options) {
        List<EngineSteps> engines = new ArrayList<>();
        for (EngineKind engine : options.engines()) {
            List<Step> steps = new ArrayList<>();
            for (Scenario scenario : options.scenarios()) {
                boolean runnable = (scenario != Scenario.WRK || options.wrk().isPresent())
                        && (scenario != Scenario.UDP_FANOUT || engine.runsUdpRelay());
                if (scenario != Scenario.IDLE && runnable) {
                    steps.addAll(steps(engine, scenario, options.profile()));
                }
            }
            if (options.scenarios().contains(Scenario.IDLE)) {
                steps.addAll(steps(engine, Scenario.IDLE, options.profile()));
            }
            engines.add(new EngineSteps(engine, List.copyOf(steps)));
        }
        return new MatrixPlan(List.copyOf(engines));
    }

    private static List<Step> steps(EngineKind engine, Scenario scenario, Profile p) {
        List<Step> steps = new ArrayList<>();
        switch (scenario) {
            case ECHO, HTTP -> p.sweep().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(), p.measure())));
            case PIPELINED -> p.pipelinedSweep().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(), p.measure())));
            case OPEN_LOOP -> p.openLoopRates().forEach(r -> steps.add(new Step(engine, scenario,
                    p.openLoopConnections(), OptionalInt.of(r), p.warmup(), p.measure())));
            case CHURN -> steps.add(Step.closed(engine, scenario, p.churnConnections(), p.warmup(), p.measure()));
            case IDLE -> p.idleCounts().forEach(c -> steps.add(Step.closed(engine, scenario, c, Duration.ZERO, Duration.ZERO)));
            case UDP_FANOUT -> p.fanOutReceivers().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(), p.measure())));
            case WRK -> p.wrkConnections().forEach(c -> steps.add(Step.closed(engine, scenario, c, Duration.ZERO,
                    p.measure().plus(p.warmup()))));
        }
        return steps;
    }

    /** Every step, in order. */
    public List<Step> allSteps() {
        return engines.stream().flatMap(e -> e.steps().stream()).toList();
    }

    /** The expected length of the whole run, engine start-ups and warm-ups included. */
    public Duration estimate(Profile profile) {
        Duration total = Duration.ZERO;
        for (EngineSteps engine : engines) {
            total = total.plusSeconds(2).plus(profile.engineWarmup());
            for (Step step : engine.steps()) {
                total = total.plus(step.estimate());
            }
        }
        return total;
    }
}
