/**
 * The {@code http-proxy} sample: an HTTP server whose {@code GET} and {@code POST /proxy/*}
 * routes forward to one upstream through a {@link dev.weft.http.proxy.ReverseProxy} over
 * keep-alive connections from a {@link dev.weft.core.pool.ConnectionPool}.
 */
package dev.weft.samples.httpproxy;
