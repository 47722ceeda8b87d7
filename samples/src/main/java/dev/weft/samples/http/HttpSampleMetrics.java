package dev.weft.samples.http;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.ClientRegistry;
import dev.weft.http.HttpServer;
import dev.weft.http.Route;
import dev.weft.micrometer.PrometheusHandler;
import dev.weft.micrometer.WeftMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code GET /metrics} of the {@code http} sample: the server's counters and the client registry in
 * the Prometheus text format. The meter registry reads the server it is a route of, so it asks for
 * {@code Provider<HttpServer>} — the component's one server, fetched when first scraped — which is
 * what keeps the component free of a dependency cycle. Requests are not timed here, so that
 * {@code /hello}, the benchmark endpoint, runs through no filter; an application adds
 * {@code RequestMetricsFilter} for that.
 */
@Module
public interface HttpSampleMetrics {

    /**
     * The application's meters.
     *
     * @param server  the HTTP server, fetched on the first scrape
     * @param clients the shared client registry
     * @return the registry
     */
    @Provides
    @Singleton
    static PrometheusMeterRegistry meters(Provider<HttpServer> server, ClientRegistry clients) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        WeftMeters.on(meters).server("http", () -> server.get().metrics())
                .http2("http", () -> server.get().http2Metrics()).clients(clients);
        return meters;
    }

    /**
     * {@code GET /metrics}.
     *
     * @param meters the application's meters
     * @return the route
     */
    @Provides
    @IntoSet
    static Route metrics(PrometheusMeterRegistry meters) {
        return Route.get("/metrics", new PrometheusHandler(meters));
    }
}
