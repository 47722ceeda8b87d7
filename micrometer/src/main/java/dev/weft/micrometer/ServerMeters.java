package dev.weft.micrometer;

import dev.weft.core.tls.HandshakeFailure;
import java.util.Locale;
import dev.weft.core.ClientRegistry;
import dev.weft.core.ServerMetrics;
import io.micrometer.core.instrument.Tags;

/** The meters of a TCP-based server's {@link ServerMetrics}, and of the client registry. */
final class ServerMeters {

    /** One line per component of {@link ServerMetrics}. */
    static final MeterTable<ServerMetrics> SERVER = new MeterTable<ServerMetrics>()
            .counter("weft.server.connections.accepted", "connections accepted, including those then rejected",
                    ServerMetrics::accepted)
            .gauge("weft.server.connections.active", "connections being served now", ServerMetrics::active)
            .counter("weft.server.connections.rejected", "connections closed at once: over the limit or refused "
                    + "by the admission policy", ServerMetrics::rejected)
            .counter("weft.server.connections.closed", "served connections that have ended", ServerMetrics::closed)
            .bytes("weft.server.received", "bytes read from peers", ServerMetrics::bytesRead)
            .bytes("weft.server.sent", "bytes written to peers", ServerMetrics::bytesWritten)
            .counter("weft.server.timeouts", Tags.of("kind", "idle"), "connections closed because a read "
                    + "waited longer than the idle timeout", ServerMetrics::idleTimeouts)
            .counter("weft.server.timeouts", Tags.of("kind", "write"), "connections closed because a write "
                    + "waited longer than the write timeout", ServerMetrics::writeTimeouts)
            .counter("weft.server.handler.failures", "connections whose handler threw something other than an "
                    + "I/O exception", ServerMetrics::handlerFailures)
            .counter("weft.server.accept.failures", "failed accept() calls", ServerMetrics::acceptFailures)
            .gauge("weft.server.threads", "the server's threads alive now", ServerMetrics::threads)
            .counter("weft.server.tls.handshakes", Tags.of("outcome", "completed"), "TLS handshakes completed",
                    m -> m.tls().handshakesCompleted());

    static {
        for (HandshakeFailure reason : HandshakeFailure.values()) {
            SERVER.counter("weft.server.tls.handshakes",
                    Tags.of("outcome", "failed", "reason", reason.name().toLowerCase(Locale.ROOT)),
                    "TLS handshakes failed, by reason", m -> m.tls().failed(reason));
        }
    }

    /** The registry's size and slow-client disconnections. */
    static final MeterTable<ClientRegistry> CLIENTS = new MeterTable<ClientRegistry>()
            .gauge("weft.clients", "live clients in the registry: TCP clients, UDP peers, WebSocket sessions",
                    ClientRegistry::size)
            .counter("weft.clients.slow.disconnected", "clients disconnected because their outbound queue "
                    + "overflowed", ClientRegistry::slowClientsDisconnected);

    private ServerMeters() {
    }
}
