/**
 * Rate and concurrency limits keyed by client: a {@link dev.weft.core.limit.TokenBucket}, a
 * {@link dev.weft.core.limit.KeyedRateLimiter} holding one bucket per key (client address,
 * optionally with a route) in bounded memory, and {@link dev.weft.core.limit.PerAddressAdmission},
 * which limits new connections per second and concurrent connections per client address at
 * the acceptor (see {@link dev.weft.core.ServerConfig#admission()}).
 *
 * <p>Threading contract: everything here is thread-safe and never blocks: a caller over its
 * limit gets a {@link dev.weft.core.limit.RateDecision.Limited} telling it how long to wait,
 * and decides itself whether to refuse or retry. Time comes from a {@link
 * dev.weft.core.limit.NanoClock}, the one monotonic clock type of Weft's rate limits and
 * expiries (the UDP relay's peer expiry reads it too), which tests replace with one that moves
 * only when told.
 *
 * <p>Not here: the HTTP answer to a limited request (429 with {@code Retry-After}) lives in
 * {@code dev.weft.http}.
 */
package dev.weft.core.limit;
