package dev.weft.udp;

import java.net.InetSocketAddress;

/**
 * Sends datagrams from a {@link UdpServer}'s socket, so that they come from the server's address
 * and port: to reply to a sender, or to reach any other address.
 *
 * <p>Safe for use by any number of threads at once. A send happens on the caller's thread, at
 * once: it never waits for the receiver, only — and briefly — for room in the local socket's
 * send buffer ({@link UdpServerConfig#sendBufferBytes()}). As always with UDP, delivery is not
 * guaranteed: a receiver whose buffer is full drops the datagram.
 */
public interface DatagramSender {

    /**
     * Sends {@code payload} as one datagram.
     *
     * @param to      the receiver
     * @param payload the bytes; at most 65,507 for IPv4
     * @return {@code true} if the datagram was handed to the kernel; {@code false} if the server
     *     is stopped or the send failed (counted in {@link UdpMetrics#sendFailures()})
     */
    boolean send(InetSocketAddress to, byte[] payload);

    /** The address the datagrams come from: the server's bound address. */
    InetSocketAddress localAddress();
}
