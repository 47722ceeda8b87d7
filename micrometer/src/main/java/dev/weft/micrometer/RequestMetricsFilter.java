package dev.weft.micrometer;

import dev.weft.http.Filter;
import dev.weft.http.HttpHandler;
import dev.weft.http.OrderedFilter;
import dev.weft.http.Request;
import dev.weft.http.Response;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP response — routed ones, 404s, failures, and requests the server refused before
 * routing — as the timer {@value #NAME} (Prometheus: {@code http_server_requests_seconds_count},
 * {@code _sum}, {@code _max}) with three tags:
 * <ul>
 *   <li>{@code method}: {@code GET}, {@code POST}…, {@code UNKNOWN} for a request line the server
 *       could not read;</li>
 *   <li>{@code route}: the template of the route that matched ({@code /todos/{id}}), never the path
 *       itself, or {@value #UNMATCHED} when none did (404, 405, refused requests, a preflight a
 *       filter answered);</li>
 *   <li>{@code status}: the status code sent, {@code 200}.</li>
 * </ul>
 * So the number of time series is bounded by the application's routes, whatever clients send.
 *
 * <p>The time runs from when the request enters this filter until the response has been handed to
 * the connection — after the last byte of a streamed body — and includes a response cut short
 * because the client went away. Put the filter outside the others ({@link #ORDER} 150: inside the
 * request id, outside the access log) so their work is timed too. Percentiles and histograms are
 * the registry's business: {@code registry.config().meterFilter(...)}.
 */
public final class RequestMetricsFilter implements Filter {

    /** The place of this filter in a chain: between request id (100) and access log (200). */
    public static final int ORDER = 150;
    /** The timer's name. */
    public static final String NAME = "http.server.requests";
    /** The {@code route} tag of a response no route produced. */
    public static final String UNMATCHED = "UNMATCHED";

    private final Meter.MeterProvider<Timer> timers;

    /**
     * A filter recording into {@code registry}.
     *
     * @param registry the registry
     */
    public RequestMetricsFilter(MeterRegistry registry) {
        this.timers = Timer.builder(NAME).description("HTTP responses, by method, route template and status")
                .withRegistry(registry);
    }

    /**
     * This filter at {@link #ORDER}, for a Dagger {@code @IntoSet OrderedFilter}.
     *
     * @return the ordered filter
     */
    public OrderedFilter ordered() {
        return new OrderedFilter(ORDER, this);
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        long start = System.nanoTime();
        request.context().whenSent((response, bodyBytes, complete) -> timers.withTags(
                        "method", request.method().name(),
                        "route", request.context().route().orElse(UNMATCHED),
                        "status", Integer.toString(response.status().code()))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        return next.handle(request);
    }
}
