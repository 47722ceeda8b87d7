/**
 * The {@code proxy} sample: a TCP proxy and load balancer in front of several backends, built
 * from {@link dev.weft.core.proxy.TcpProxy} (round-robin or least-connections, health checks,
 * retry on the next backend) and, with {@code --max-conns-per-ip}, a
 * {@link dev.weft.core.limit.PerAddressAdmission} at the acceptor.
 */
package dev.weft.samples.proxy;
