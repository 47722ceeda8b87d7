package dev.weft.micrometer;

import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Answers a Prometheus scrape with the meters of a {@link PrometheusMeterRegistry}: the Prometheus
 * text format, or OpenMetrics when the scraper's {@code Accept} asks for it. Route it where the
 * scraper looks: {@code app.get("/metrics", new PrometheusHandler(meters))}.
 *
 * <p>Needs {@code io.micrometer:micrometer-registry-prometheus} (an optional dependency of this
 * module, so an application on another backend does not carry it).
 */
public final class PrometheusHandler implements HttpHandler {

    /** The Prometheus text format's media type. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** The OpenMetrics text format's media type. */
    public static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    /**
     * A handler scraping {@code registry}.
     *
     * @param registry the registry
     */
    public PrometheusHandler(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Response handle(Request request) {
        boolean openMetrics = request.header("Accept").filter(accept -> accept.contains("application/openmetrics-text"))
                .isPresent();
        String type = openMetrics ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        return Response.bytes(Status.OK_200, type, registry.scrape(type).getBytes(StandardCharsets.UTF_8));
    }
}
