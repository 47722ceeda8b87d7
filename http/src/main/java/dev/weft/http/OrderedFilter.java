package dev.weft.http;

import java.util.Objects;

/**
 * A {@link Filter} with its place in the chain: lower orders run outside higher ones (their
 * "before" work first, their "after" work last). This is how filters contributed to a Dagger
 * {@code Set} — which has no order of its own — get a defined one: two filters with the same
 * order are refused when the pipeline is built, so the order never depends on a set's iteration.
 *
 * <p>The filters Weft ships declare the order they are meant to have, in steps of 100 so that an
 * application's filters fit between them: request id 100, access log 200, CORS 300, compression
 * 400, rate limit 500 ({@code ORDER} in each class). Application filters usually come after, from
 * 1000 (authentication first).
 *
 * <pre>{@code
 * @Provides @IntoSet static OrderedFilter cors() {
 *     return new OrderedFilter(CorsFilter.ORDER, new CorsFilter(CorsPolicy.allowing("https://app.example")));
 * }
 * }</pre>
 *
 * @param order  the place in the chain, lowest outermost
 * @param filter the filter
 */
public record OrderedFilter(int order, Filter filter) {

    /** Checks the filter is present. */
    public OrderedFilter {
        Objects.requireNonNull(filter, "filter");
    }
}
