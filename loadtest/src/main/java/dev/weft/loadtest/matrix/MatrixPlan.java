package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.report.NotApplicableRow;
import dev.weft.loadtest.tls.TlsSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a run, per engine in order, and the engine–scenario pairs that are not run, with
 * why. Within an engine the idle steps come last: they leave the process with the most memory
 * it ever had, which would distort later rows.
 *
 * @param engines one entry per engine, with its steps
 */
public record MatrixPlan(List<EngineSteps> engines) {

    /**
     * The steps of one engine.
     *
     * @param engine        the engine
     * @param steps         its steps, in order
     * @param notApplicable the selected scenarios it does not run, each with the reason
     */
    public record EngineSteps(EngineKind engine, List<Step> steps, List<NotApplicableRow> notApplicable) {
    }

    /** The plan for {@code options}. */
    public static MatrixPlan of(MatrixOptions options) {
        List<EngineSteps> engines = new ArrayList<>();
        for (EngineKind engine : options.engines()) {
            List<Step> steps = new ArrayList<>();
            List<NotApplicableRow> notApplicable = new ArrayList<>();
            List<Scenario> ordered = new ArrayList<>(options.scenarios().stream().filter(s -> s != Scenario.IDLE).toList());
            if (options.scenarios().contains(Scenario.IDLE)) {
                ordered.add(Scenario.IDLE);
            }
            for (Scenario scenario : ordered) {
                Optional<String> why = whyNot(engine, scenario, options.instruments());
                if (why.isPresent()) {
                    notApplicable.add(new NotApplicableRow(engine.label(), scenario.label(), why.get()));
                } else {
                    steps.addAll(steps(engine, scenario, options.profile()));
                }
            }
            engines.add(new EngineSteps(engine, List.copyOf(steps), List.copyOf(notApplicable)));
        }
        return new MatrixPlan(List.copyOf(engines));
    }

    private static Optional<String> whyNot(EngineKind engine, Scenario scenario, Instruments instruments) {
        Optional<String> notServed = engine.notApplicable(scenario.service());
        if (notServed.isPresent()) {
            return notServed;
        }
        return scenario.instrument().filter(tool -> instruments.executable(tool).isEmpty())
                .map(tool -> tool + " is not installed (apt-get install " + Instruments.debianPackage(tool)
                        + "; scripts/loadtest.sh installs it when run as root)");
    }

    private static List<Step> steps(EngineKind engine, Scenario scenario, Profile p) {
        List<Step> steps = new ArrayList<>();
        ProtocolSweeps protocols = p.protocols();
        switch (scenario) {
            case ECHO, HTTP -> p.sweep().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(), p.measure())));
            case PIPELINED -> p.pipelinedSweep().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(), p.measure())));
            case OPEN_LOOP -> p.openLoopRates().forEach(r -> steps.add(new Step(engine, scenario,
                    p.openLoopConnections(), new Variant.Rate(r), p.warmup(), p.measure())));
            case CHURN -> steps.add(Step.closed(engine, scenario, p.churnConnections(), p.warmup(), p.measure()));
            case HTTPS -> protocols.httpsConnections().forEach(c -> eachSuite(suite -> steps.add(new Step(engine, scenario,
                    c, new Variant.Tls(suite), p.warmup(), p.measure()))));
            case TLS_CONNECT -> eachSuite(suite -> steps.add(new Step(engine, scenario, protocols.tlsConnectClients(),
                    new Variant.Tls(suite), p.warmup(), p.measure())));
            case WEBSOCKET -> protocols.webSocketSessions().forEach(c -> steps.add(Step.closed(engine, scenario, c,
                    p.warmup(), p.measure())));
            case H2 -> protocols.h2Streams().forEach(m -> steps.add(new Step(engine, scenario, protocols.h2Connections(),
                    new Variant.Streams(m), Duration.ZERO, p.measure().plus(p.warmup()))));
            case IDLE -> p.idleCounts().forEach(c -> steps.add(Step.closed(engine, scenario, c, Duration.ZERO, Duration.ZERO)));
            case UDP_FANOUT -> p.udp().fanOutReceivers().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(),
                    p.measure())));
            case UDP_ECHO -> p.udp().echoPeers().forEach(c -> steps.add(Step.closed(engine, scenario, c, p.warmup(),
                    p.measure())));
            case WRK -> p.wrkConnections().forEach(c -> {
                for (int depth : new int[] {1, 16}) {
                    steps.add(new Step(engine, scenario, c, new Variant.Pipeline(depth), Duration.ZERO,
                            p.measure().plus(p.warmup())));
                }
            });
        }
        return steps;
    }

    private static void eachSuite(java.util.function.Consumer<TlsSuite> action) {
        for (TlsSuite suite : TlsSuite.values()) {
            action.accept(suite);
        }
    }

    /** Every step, in order. */
    public List<Step> allSteps() {
        return engines.stream().flatMap(e -> e.steps().stream()).toList();
    }

    /** Every engine–scenario pair not run, in order. */
    public List<NotApplicableRow> allNotApplicable() {
        return engines.stream().flatMap(e -> e.notApplicable().stream()).toList();
    }

    /** The expected length of the whole run, engine start-ups and warm-ups included. */
    public Duration estimate(Profile profile) {
        Duration total = Duration.ZERO;
        for (EngineSteps engine : engines) {
            if (engine.steps().isEmpty()) {
                continue;
            }
            total = total.plusSeconds(2).plus(profile.engineWarmup());
            for (Step step : engine.steps()) {
                total = total.plus(step.estimate());
            }
        }
        return total;
    }
}
