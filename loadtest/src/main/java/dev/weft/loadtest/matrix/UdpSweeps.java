package dev.weft.loadtest.matrix;

import java.util.List;

/**
 * The sweeps of the UDP scenarios.
 *
 * @param fanOutReceivers the receiver counts of the relay fan-out
 * @param echoPeers       the client socket counts of the UDP echo
 */
public record UdpSweeps(List<Integer> fanOutReceivers, List<Integer> echoPeers) {

    /** Validates. */
    public UdpSweeps {
        fanOutReceivers = List.copyOf(fanOutReceivers);
        echoPeers = List.copyOf(echoPeers);    }
}
