/**
 * Rate limiting for HTTP: a {@link dev.weft.http.limit.RateLimitFilter} that answers
 * {@code 429 Too Many Requests} with {@code Retry-After} once a client address (optionally per
 * path) has used its token bucket.
 *
 * <p>Threading contract: the filter runs on each request's connection thread and never blocks;
 * its limiter is shared and thread-safe. Not here: the token bucket and the bounded keyed
 * limiter ({@code dev.weft.core.limit}), and limits on TCP connections per address, which the
 * core acceptor enforces before HTTP sees a byte ({@code dev.weft.core.limit.PerAddressAdmission}).
 */
package dev.weft.http.limit;
