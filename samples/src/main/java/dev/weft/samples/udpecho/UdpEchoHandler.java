package dev.weft.samples.udpecho;

import dev.weft.udp.Datagram;
import dev.weft.udp.DatagramHandler;
import dev.weft.udp.DatagramOutcome;
import dev.weft.udp.DatagramSender;
import jakarta.inject.Inject;

/** Sends every datagram back to its sender, unchanged. */
public final class UdpEchoHandler implements DatagramHandler {

    /** Creates the handler. */
    @Inject
    public UdpEchoHandler() {
    }

    @Override
    public DatagramOutcome handle(Datagram datagram, DatagramSender sender) {
        sender.send(datagram.sender(), datagram.bytes());
        return DatagramOutcome.HANDLED;
    }
}
