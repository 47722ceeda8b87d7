package dev.weft.udp;

import java.net.InetSocketAddress;

/**
 * The protocol of a {@link UdpServer}: called once per received datagram.
 *
 * <p>Where it runs depends on {@link DispatchConfig#mode()}: with {@link Dispatch#INLINE}
 * (the default) on the receive loop, one datagram at a time, so it must not block for long;
 * with {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM} on a virtual thread of its own, where
 * blocking is fine but calls run concurrently. An exception thrown by {@link #handle} is logged,
 * counted in {@link UdpMetrics#handlerFailures()} and does not stop the server.
 *
 * <pre>{@code
 * DatagramHandler echo = (datagram, sender) -> {
 *     sender.send(datagram.sender(), datagram.bytes());
 *     return DatagramOutcome.HANDLED;
 * };
 * }</pre>
 *
 * <p>The default methods let a stateful handler, such as {@link UdpRelay}, follow the server's
 * lifecycle; a plain handler ignores them.
 */
@FunctionalInterface
public interface DatagramHandler {

    /**
     * Handles one datagram.
     *
     * @param datagram the datagram; see {@link Datagram} for how long its payload is valid
     * @param sender   sends replies, or datagrams to anyone, from the server's socket
     * @return whether the datagram was understood; {@link DatagramOutcome#MALFORMED} is counted
     * @throws Exception when handling fails; the server logs it, counts it in
     *     {@link UdpMetrics#handlerFailures()} and goes on receiving
     */
    DatagramOutcome handle(Datagram datagram, DatagramSender sender) throws Exception;

    /**
     * Called instead of {@link #handle} for a datagram longer than
     * {@link DatagramBuffers#maxDatagramBytes()}, which the server drops and counts in
     * {@link UdpMetrics#droppedOversized()}; a handler may answer it. Runs on the receive loop
     * whatever the dispatch mode, so it must not block. Does nothing by default.
     *
     * @param from             the sender
     * @param maxDatagramBytes the limit that was exceeded
     * @param sender           sends from the server's socket
     */
    default void oversized(InetSocketAddress from, int maxDatagramBytes, DatagramSender sender) {
    }

    /**
     * Called by {@link UdpServer#start()} once the socket is bound, before the first datagram.
     *
     * @param sender sends from the server's socket, from any thread, until the server stops
     */
    default void started(DatagramSender sender) {
    }

    /**
     * Called by {@link UdpServer#stop} after the last datagram has been handled; a handler
     * releases its threads and state here. Does nothing by default.
     */
    default void stopped() {
    }

    /** {@return how many peers the handler tracks now, reported as {@link UdpMetrics#livePeers()}; 0 by default} */
    default int livePeers() {
        return 0;
    }
}
