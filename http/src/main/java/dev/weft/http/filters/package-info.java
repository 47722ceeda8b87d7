/**
 * The filters most HTTP services want, each a small {@link dev.weft.http.Filter} with the place it
 * is meant to have in the chain ({@code ORDER}, see {@link dev.weft.http.OrderedFilter}):
 * {@link dev.weft.http.filters.RequestIdFilter} (100), {@link dev.weft.http.filters.AccessLogFilter}
 * (200), {@link dev.weft.http.filters.CorsFilter} (300) and
 * {@link dev.weft.http.filters.CompressionFilter} (400). Every response passes them, including
 * 404, 405, failures and the requests the server refused before routing.
 *
 * <p>Filters run on the exchange's thread (the connection's virtual thread for HTTP/1.1) and may
 * block; they are shared by all connections, so they hold no per-request state of their own.
 *
 * <p>Not here: rate limiting ({@code dev.weft.http.limit}), metrics (the {@code weft-micrometer}
 * module), authentication (the application's own filter, from order 1000).
 */
package dev.weft.http.filters;
