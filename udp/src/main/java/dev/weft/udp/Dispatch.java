package dev.weft.udp;

/**
 * Where a {@link UdpServer} runs its {@link DatagramHandler}.
 *
 * <p>{@link #INLINE} is the default: datagrams are handled in arrival order, one at a time, on
 * the receive loop's own virtual thread, with no thread start and no copy per datagram. That
 * suits handlers that never block for long — the {@link UdpRelay} only updates memory and sends
 * datagrams — and it is the fastest mode. Its trade-off: while the handler runs, nothing is
 * received, and datagrams that arrive meanwhile wait in the socket's receive buffer
 * ({@link DatagramBuffers#receiveBufferBytes()}), where the kernel drops them once it is full.
 *
 * <p>{@link #VIRTUAL_THREAD_PER_DATAGRAM} is for handlers that block (a database call, a
 * downstream request): each datagram is copied and handled on a virtual thread of its own, at
 * most {@link DispatchConfig#maxInFlightDatagrams()} at once. A datagram that arrives when that
 * many are in flight is dropped and counted in {@link UdpMetrics#droppedQueueFull()}. Datagrams
 * are then handled concurrently and in no guaranteed order.
 */
public enum Dispatch {
    /** On the receive loop, one datagram at a time, in arrival order; the default. */
    INLINE,
    /** On a new virtual thread per datagram, bounded by {@link DispatchConfig#maxInFlightDatagrams()}. */
    VIRTUAL_THREAD_PER_DATAGRAM
}
