/**
 * A TCP proxy and load balancer: each client connection is paired with a connection to one of
 * several backends, and bytes are copied both ways until both sides are done.
 *
 * <p>{@link dev.weft.core.proxy.TcpProxy} is a {@link dev.weft.core.ConnectionHandler}: run it
 * in a {@link dev.weft.core.TcpServer}. It picks a backend with a
 * {@link dev.weft.core.proxy.BalancingStrategy} (round-robin or least-connections) among those
 * the {@link dev.weft.core.proxy.HealthChecker} believes alive, retries the next backend when a
 * connect fails (always before anything of the client was read), and propagates a half-close
 * in either direction. Threading contract: the connection's own virtual thread copies client to
 * backend, one more virtual thread per connection copies backend to client; both end before
 * {@code handle} returns. The health checker runs on one virtual thread of its own. The proxy
 * may speak TLS to its backends ({@link dev.weft.core.proxy.ProxyConfig#backendTls()}) and, like
 * any {@link dev.weft.core.TcpServer}, to its clients.
 *
 * <p>Not here: limiting clients per address (see {@code dev.weft.core.limit}) and HTTP-aware
 * proxying (see the reverse proxy in {@code dev.weft.http}).
 */
package dev.weft.core.proxy;
