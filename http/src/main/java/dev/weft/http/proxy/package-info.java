/**
 * An HTTP reverse proxy: {@link dev.weft.http.proxy.ReverseProxy} is an
 * {@link dev.weft.http.HttpHandler} that forwards a request to one upstream HTTP/1.1 server over
 * keep-alive connections from a {@link dev.weft.core.pool.ConnectionPool}, and answers with the
 * upstream's response.
 *
 * <p>Threading contract: the handler runs on the client connection's virtual thread and blocks
 * on the pool and the upstream; a pooled connection is held only for one exchange. Not here:
 * the pool itself ({@code dev.weft.core.pool}) and byte-level TCP proxying and load balancing
 * ({@code dev.weft.core.proxy}).
 */
package dev.weft.http.proxy;
