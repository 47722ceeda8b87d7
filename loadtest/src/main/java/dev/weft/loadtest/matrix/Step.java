package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One step of the matrix.
 *
 * @param engine      the engine
 * @param scenario    the scenario
 * @param connections client connections (for {@link Scenario#IDLE}, the connections held)
 * @param variant     the open-loop rate, TLS version, streams or pipeline depth of this step
 * @param warmup      unrecorded load before the measurement
 * @param measure     the measurement window
 */
public record Step(EngineKind engine, Scenario scenario, int connections, Variant variant,
                   Duration warmup, Duration measure) {

    /** Validates. */
    public Step {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(variant, "variant");
        if (connections <= 0) {
            throw new IllegalArgumentException("connections must be > 0: " + connections);
        }
    }

    /** A closed-loop step with no variant. */
    public static Step closed(EngineKind engine, Scenario scenario, int connections, Duration warmup, Duration measure) {
        return new Step(engine, scenario, connections, new Variant.None(), warmup, measure);
    }

    /** The open-loop rate, or empty for closed loop. */
    public OptionalInt rate() {
        return variant instanceof Variant.Rate rate ? OptionalInt.of(rate.perSecond()) : OptionalInt.empty();
    }

    /** How long the step is expected to take, set-up included, for the planned total. */
    public Duration estimate() {
        Duration setup = Duration.ofMillis(600 + connections / 2L);
        if (scenario == Scenario.IDLE) {
            setup = setup.plusSeconds(4).plusMillis(connections / 2L);
        }
        return warmup.plus(measure).plus(setup);
    }

    /** {@code "netty http c=1024"} or {@code "netty open-loop c=256 rate=20000/s"}. */
    public String describe() {
        return engine.label() + " " + scenario.label() + " c=" + connections
                + (variant.label().isEmpty() ? "" : " " + variant.label());
    }
}
