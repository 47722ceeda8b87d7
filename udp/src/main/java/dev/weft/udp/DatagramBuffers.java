package dev.weft.udp;

import static dev.weft.udp.ConfigChecks.requirePositive;

/**
 * How many bytes a {@link UdpServer} holds, per datagram and in flight. Part of
 * {@link UdpServerConfig}; set through its builder.
 *
 * @param maxDatagramBytes   the longest payload accepted, from 1 to {@value #MAX_UDP_PAYLOAD_BYTES}
 *                           (the IPv4 maximum); default 8,192. The server receives into a buffer
 *                           one byte larger, so a longer datagram is detected (never silently
 *                           truncated), dropped and counted in {@link UdpMetrics#droppedOversized()}
 * @param receiveBufferBytes {@code SO_RCVBUF}: how many bytes of datagrams the kernel holds while
 *                           the receive loop is busy; default 1 MiB. UDP has no flow control, so a
 *                           burst larger than this is dropped by the kernel, silently; raise it for
 *                           bursty traffic. Linux caps it at {@code net.core.rmem_max}
 * @param sendBufferBytes    {@code SO_SNDBUF}: how many bytes of outgoing datagrams the kernel
 *                           queues before the server's send thread waits; default 1 MiB. Linux
 *                           caps it at {@code net.core.wmem_max}
 * @param sendQueueDatagrams how many outgoing datagrams may wait for the server's send thread;
 *                           default 16,384. Sends never block the caller: over this many waiting a
 *                           datagram is dropped and counted in {@link UdpMetrics#droppedSendQueueFull()},
 *                           as UDP would drop it in a full socket buffer. A relay message to a room
 *                           of N peers queues N datagrams, so size this for the largest burst of
 *                           fan-out
 */
public record DatagramBuffers(int maxDatagramBytes, int receiveBufferBytes, int sendBufferBytes,
                              int sendQueueDatagrams) {

    /** The largest UDP payload over IPv4: 65,535 minus the IP and UDP headers. */
    public static final int MAX_UDP_PAYLOAD_BYTES = 65_507;

    /** The defaults documented on each component. */
    public static final DatagramBuffers DEFAULTS = new DatagramBuffers(8_192, 1 << 20, 1 << 20, 16_384);

    /** Validates every component. */
    public DatagramBuffers {
        if (maxDatagramBytes <= 0 || maxDatagramBytes > MAX_UDP_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxDatagramBytes must be in 1.." + MAX_UDP_PAYLOAD_BYTES
                    + ": " + maxDatagramBytes);
        }
        requirePositive(receiveBufferBytes, "receiveBufferBytes");
        requirePositive(sendBufferBytes, "sendBufferBytes");
        requirePositive(sendQueueDatagrams, "sendQueueDatagrams");
    }
}
