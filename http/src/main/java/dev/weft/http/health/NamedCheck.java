package dev.weft.http.health;

import java.util.Objects;

/**
 * A {@link HealthCheck} with its name in the report and the probe it belongs to — the form an
 * application contributes (with Dagger, {@code @Provides @IntoSet NamedCheck}).
 *
 * <ul>
 *   <li><b>Liveness</b>: is this process able to work at all (not deadlocked, not out of memory)?
 *       A failing liveness probe makes an orchestrator restart the process, so check only the
 *       process itself — never a database, whose outage a restart does not cure.</li>
 *   <li><b>Readiness</b>: can it serve traffic now (database reachable, caches warm)? A failing
 *       readiness probe takes the instance out of the load balancer until it passes again.</li>
 * </ul>
 *
 * @param name  the check's name in the report
 * @param probe which probe it belongs to
 * @param check the check
 */
public record NamedCheck(String name, Probe probe, HealthCheck check) {

    /** The two probes. */
    public enum Probe {
        /** {@code /health/live}. */
        LIVENESS,
        /** {@code /health/ready}. */
        READINESS
    }

    /** Checks every component is present and the name is not blank. */
    public NamedCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(check, "check");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a health check needs a name");
        }
    }

    /**
     * A liveness check.
     *
     * @param name  its name in the report
     * @param check the check
     * @return the named check
     */
    public static NamedCheck liveness(String name, HealthCheck check) {
        return new NamedCheck(name, Probe.LIVENESS, check);
    }

    /**
     * A readiness check.
     *
     * @param name  its name in the report
     * @param check the check
     * @return the named check
     */
    public static NamedCheck readiness(String name, HealthCheck check) {
        return new NamedCheck(name, Probe.READINESS, check);
    }
}
