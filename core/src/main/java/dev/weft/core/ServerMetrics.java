package dev.weft.core;

import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsMetrics;

/**
 * A point-in-time snapshot of a {@link TcpServer}'s counters, all since it was created.
 *
 * @param accepted        connections accepted (including those then rejected)
 * @param active          connections being served now
 * @param rejected        connections closed at once because {@link
 *                        ServerConfig#maxConnections()} was reached or the {@link
 *                        ServerConfig#admission()} policy refused them
 * @param closed          served connections that have ended, for any reason
 * @param bytesRead       bytes read from peers
 * @param bytesWritten    bytes written to peers
 * @param idleTimeouts    connections closed because a read waited longer than the idle timeout
 * @param writeTimeouts   connections closed because a write waited longer than the write timeout
 * @param handlerFailures connections whose handler threw something other than an I/O exception
 * @param acceptFailures  failed {@code accept()} calls (for example "too many open files"),
 *                        each followed by a back-off
 * @param threads         the server's threads alive now: its acceptor, one per connection, the
 *                        short-lived ones draining outbound queues, and the two threads of
 *                        the {@linkplain SocketIo#EPOLL epoll} poller; zero after stop
 * @param tls             TLS handshakes completed, and failed by {@link HandshakeFailure} reason
 *                        (a failed handshake is also counted in {@code closed}, never in
 *                        {@code handlerFailures}); on a plaintext server only {@link
 *                        HandshakeFailure#TLS_ON_PLAINTEXT_PORT} can be non-zero, counted when a
 *                        protocol that recognises a TLS ClientHello (HTTP does) refuses one
 */
public record ServerMetrics(long accepted, long active, long rejected, long closed,
                            long bytesRead, long bytesWritten, long idleTimeouts,
                            long writeTimeouts, long handlerFailures, long acceptFailures,
                            long threads, TlsMetrics tls) {
}
