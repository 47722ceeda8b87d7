package dev.weft.http.health;

import dev.weft.http.Headers;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import dev.weft.http.internal.JsonStrings;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health endpoints from an application's checks, as routes to add to its router:
 * <ul>
 *   <li>{@code GET /health/live} — the liveness checks;</li>
 *   <li>{@code GET /health/ready} — the readiness checks;</li>
 *   <li>{@code GET /health} — both.</li>
 * </ul>
 * Each answers {@code 200} when all its checks pass and {@code 503 Service Unavailable} when one
 * fails (or throws), with {@code Cache-Control: no-store} and a JSON report:
 * <pre>
 * {"status":"DOWN","checks":{"db":{"status":"UP"},"queue":{"status":"DOWN","detail":"4,000 messages behind"}}}
 * </pre>
 * With no checks a probe passes: the process answered, which is what liveness asks. A check that
 * throws is down with its exception's type as the detail; the message and stack trace go to the log
 * (WARN) only.
 *
 * <pre>{@code
 * Health health = Health.of(NamedCheck.readiness("db", () -> db.isValid(1) ? HealthStatus.up() : HealthStatus.down("no connection")));
 * Router router = Router.of(concat(routes, health.routes()));
 * }</pre>
 */
public final class Health {

    private static final Logger log = LoggerFactory.getLogger(Health.class);
    private static final String JSON = "application/json";

    private final List<NamedCheck> checks;

    /**
     * Health endpoints over {@code checks} (the form Dagger multibindings take).
     *
     * @param checks the checks
     * @throws IllegalArgumentException when two checks of one probe have the same name
     */
    @Inject
    public Health(Set<NamedCheck> checks) {
        this((Collection<NamedCheck>) checks);
    }

    private Health(Collection<NamedCheck> checks) {
        List<NamedCheck> sorted = new ArrayList<>(checks);
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        Set<String> seen = new HashSet<>();
        for (NamedCheck check : sorted) {
            if (!seen.add(check.probe() + " " + check.name())) {
                throw new IllegalArgumentException("two " + check.probe().name().toLowerCase(Locale.ROOT) + " checks named "
                        + check.name());
            }
        }
        this.checks = List.copyOf(sorted);
    }

    /**
     * Health endpoints over {@code checks}.
     *
     * @param checks the checks
     * @return the endpoints
     */
    public static Health of(NamedCheck... checks) {
        return new Health(List.of(checks));
    }

    /**
     * The routes {@code GET /health}, {@code /health/live} and {@code /health/ready}.
     *
     * @return the routes
     */
    public List<Route> routes() {
        return routes("/health");
    }

    /**
     * The three routes under another path.
     *
     * @param path the path of the combined report, e.g. {@code "/admin/health"}
     * @return the routes
     */
    public List<Route> routes(String path) {
        Objects.requireNonNull(path, "path");
        return List.of(
                Route.get(path, request -> report(null)),
                Route.get(path + "/live", request -> report(NamedCheck.Probe.LIVENESS)),
                Route.get(path + "/ready", request -> report(NamedCheck.Probe.READINESS)));
    }

    /** Runs the checks of {@code probe} (all when null) and writes the report. */
    private Response report(NamedCheck.Probe probe) {
        boolean up = true;
        StringBuilder json = new StringBuilder(64).append("{\"checks\":{");
        boolean first = true;
        for (NamedCheck check : checks) {
            if (probe != null && check.probe() != probe) {
                continue;
            }
            HealthStatus status = run(check);
            up &= status.healthy();
            JsonStrings.append(json.append(first ? "" : ","), check.name())
                    .append(":{\"status\":\"").append(status.healthy() ? "UP" : "DOWN").append('"');
            status.detail().ifPresent(detail -> JsonStrings.append(json.append(",\"detail\":"), detail));
            json.append('}');
            first = false;
        }
        String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"," + json.substring(1) + "}}";
        return new Response(up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                Headers.of("Content-Type", JSON, "Cache-Control", "no-store"),
                new Response.Bytes(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HealthStatus run(NamedCheck check) {
        try {
            HealthStatus status = check.check().check();
            if (status == null) {
                throw new IllegalStateException("health check " + check.name() + " returned no status");
            }
            if (!status.healthy()) {
                log.info("health check {} is down: {}", check.name(), status.detail().orElse(""));
            }
            return status;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("health check {} failed", check.name(), e);
            return HealthStatus.down(e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "Health" + checks.stream().map(NamedCheck::name).toList();
    }
}
