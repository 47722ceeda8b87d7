package dev.weft.udp;

import java.net.InetSocketAddress;

/**
 * Sends datagrams from a {@link UdpServer}'s socket, so that they come from the server's address
 * and port: to reply to a sender, or to reach any other address.
 *
 * <p>Safe for use by any number of threads at once, and never blocks: {@link #send} hands the
 * datagram to the kernel at once when nothing is waiting before it, else queues it for the
 * server's send thread (as when the socket's send buffer is full), and returns; a slow network
 * cannot stall the caller, and an interrupted caller cannot harm the socket. One caller's
 * datagrams leave in the order it sent them. When {@link DatagramBuffers#sendQueueDatagrams()}
 * are already waiting, the datagram is dropped and counted. As always with UDP, delivery is not guaranteed: a receiver
 * whose buffer is full drops the datagram.
 */
public interface DatagramSender {

    /**
     * Sends {@code payload} as one datagram.
     *
     * @param to      the receiver
     * @param payload the bytes; at most 65,507 for IPv4
     * @return {@code true} if the datagram was sent or queued; {@code false} if the queue was full
     *     (counted in {@link UdpMetrics#droppedSendQueueFull()}) or the server is stopping
     *     (counted in {@link UdpMetrics#sendFailures()})
     * @throws IllegalArgumentException if {@code to} is unresolved
     */
    boolean send(InetSocketAddress to, byte[] payload);

    /** {@return the address the datagrams come from: the server's bound address} */
    InetSocketAddress localAddress();
}
