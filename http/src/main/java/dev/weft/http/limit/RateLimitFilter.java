package dev.weft.http.limit;

import dev.weft.core.limit.KeyedRateLimiter;
import dev.weft.core.limit.NanoClock;
import dev.weft.core.limit.RateDecision;
import dev.weft.core.limit.RateLimit;
import dev.weft.http.Filter;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.net.InetAddress;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Filter} that lets each client (by address, or by address and path) make
 * {@link RateLimit#permitsPerSecond()} requests per second with bursts of
 * {@link RateLimit#burst()}, and answers the others {@code 429 Too Many Requests} with a
 * {@code Retry-After} header in whole seconds (rounded up) — before the handler runs and
 * before the body is read.
 *
 * <p>Memory is bounded by the {@link KeyedRateLimiter}'s {@code maxKeys}; when that many keys
 * are in use, new keys are refused too (see its trade-off). Clients behind one NAT or proxy
 * share an address; this filter does not trust {@code X-Forwarded-For}, which any client can
 * forge.
 */
public final class RateLimitFilter implements Filter {

    /**
     * The place this filter is meant to have in the chain (see {@link dev.weft.http.OrderedFilter}):
     * inside the request id, access log, CORS and compression filters, so refused requests are
     * logged and carry CORS headers; before the application's own filters.
     */
    public static final int ORDER = 500;

    /** The default bound on tracked keys. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private final KeyedRateLimiter<Object> limiter;
    private final Function<Request, Object> key;

    private RateLimitFilter(KeyedRateLimiter<Object> limiter, Function<Request, Object> key) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * One bucket per client IP address, on the system clock, tracking at most
     * {@link #DEFAULT_MAX_KEYS} addresses.
     *
     * @param limit the rate and burst allowed to each address
     * @return the filter
     */
    public static RateLimitFilter perAddress(RateLimit limit) {
        return perAddress(limit, DEFAULT_MAX_KEYS, System::nanoTime);
    }

    /**
     * One bucket per client IP address.
     *
     * @param limit    the rate and burst allowed to each address
     * @param maxKeys  the most addresses tracked at once
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @return the filter
     */
    public static RateLimitFilter perAddress(RateLimit limit, int maxKeys, NanoClock nanoTime) {
        return new RateLimitFilter(new KeyedRateLimiter<>(limit, maxKeys, nanoTime),
                request -> request.remoteAddress().getAddress());
    }

    /**
     * One bucket per client IP address and request path, so a busy client of one resource keeps
     * its budget for the others.
     *
     * @param limit    the rate and burst allowed to each address on each path
     * @param maxKeys  the most address-and-path pairs tracked at once
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     * @return the filter
     */
    public static RateLimitFilter perAddressAndPath(RateLimit limit, int maxKeys, NanoClock nanoTime) {
        return new RateLimitFilter(new KeyedRateLimiter<>(limit, maxKeys, nanoTime),
                request -> new AddressAndPath(request.remoteAddress().getAddress(), request.path()));
    }

    /** The key of {@link #perAddressAndPath}. */
    private record AddressAndPath(InetAddress address, String path) {
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        RateDecision decision = limiter.tryAcquire(key.apply(request));
        if (decision instanceof RateDecision.Limited limited) {
            return Response.text(Status.TOO_MANY_REQUESTS_429, "Too Many Requests\n")
                    .withHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        return next.handle(request);
    }

    /** {@return the limiter, for its counters} */
    public KeyedRateLimiter<Object> limiter() {
        return limiter;
    }

    @Override
    public String toString() {
        return "RateLimitFilter[" + limiter.limit() + "]";
    }
}
