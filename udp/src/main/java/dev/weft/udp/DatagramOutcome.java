package dev.weft.udp;

/**
 * What a {@link DatagramHandler} made of one datagram, so the server can count it in
 * {@link UdpMetrics}.
 */
public enum DatagramOutcome {
    /** The datagram was understood (whether or not the request in it was granted). */
    HANDLED,
    /**
     * The datagram could not be understood: counted in {@link UdpMetrics#droppedMalformed()}.
     * The handler may already have answered it with an error datagram.
     */
    MALFORMED
}
