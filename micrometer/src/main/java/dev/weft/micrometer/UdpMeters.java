package dev.weft.micrometer;

import dev.weft.udp.UdpMetrics;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of a UDP server's {@link UdpMetrics}. A class of its own, loaded only when a UDP server
 * is bound, so an application without {@code weft-udp} never needs its classes.
 */
final class UdpMeters {

    /** One line per component of {@link UdpMetrics}. */
    static final MeterTable<UdpMetrics> UDP = new MeterTable<UdpMetrics>()
            .counter("weft.udp.datagrams.received", "datagrams received, including those then dropped",
                    UdpMetrics::received)
            .bytes("weft.udp.received", "payload bytes received", UdpMetrics::bytesReceived)
            .counter("weft.udp.datagrams.sent", "datagrams sent", UdpMetrics::sent)
            .bytes("weft.udp.sent", "payload bytes sent", UdpMetrics::bytesSent)
            .counter("weft.udp.datagrams.dropped", Tags.of("reason", "oversized"), "datagrams dropped",
                    UdpMetrics::droppedOversized)
            .counter("weft.udp.datagrams.dropped", Tags.of("reason", "malformed"), "datagrams dropped",
                    UdpMetrics::droppedMalformed)
            .counter("weft.udp.datagrams.dropped", Tags.of("reason", "queue_full"), "datagrams dropped",
                    UdpMetrics::droppedQueueFull)
            .counter("weft.udp.datagrams.dropped", Tags.of("reason", "send_queue_full"), "datagrams dropped",
                    UdpMetrics::droppedSendQueueFull)
            .counter("weft.udp.handler.failures", "datagrams whose handler threw", UdpMetrics::handlerFailures)
            .counter("weft.udp.failures", Tags.of("operation", "send"), "sends or receives that failed",
                    UdpMetrics::sendFailures)
            .counter("weft.udp.failures", Tags.of("operation", "receive"), "sends or receives that failed",
                    UdpMetrics::receiveFailures)
            .gauge("weft.udp.peers", "peers the handler tracks now", UdpMetrics::livePeers);

    private UdpMeters() {
    }
}
