package dev.weft.udp.internal;

import dev.weft.udp.DatagramSender;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DatagramSender} of one server: sends on the server's bound socket from the caller's
 * thread.
 *
 * <p>It sends through {@link DatagramSocket} rather than a {@code DatagramChannel} on purpose: a
 * blocking channel is an {@code InterruptibleChannel}, so a send from any thread whose interrupt
 * flag happens to be set — say a TCP connection thread broadcasting to UDP peers while its own
 * server stops — would close the channel and with it the whole UDP server. The socket's sends
 * are not interruptible that way; the socket is safe for concurrent senders and a concurrent
 * receiver.
 */
public final class SocketSender implements DatagramSender {

    private static final Logger log = LoggerFactory.getLogger(SocketSender.class);

    private final DatagramSocket socket;
    private final InetSocketAddress localAddress;
    private final UdpCounters counters;

    /**
     * @param socket   the server's bound socket
     * @param counters where sends and failures are counted
     */
    public SocketSender(DatagramSocket socket, UdpCounters counters) {
        this.socket = socket;
        this.localAddress = (InetSocketAddress) socket.getLocalSocketAddress();
        this.counters = counters;
    }

    @Override
    public boolean send(InetSocketAddress to, byte[] payload) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(payload, "payload");
        if (socket.isClosed()) {
            counters.sendFailures.increment();
            return false;
        }
        try {
            socket.send(new DatagramPacket(payload, payload.length, to));
            counters.sent.increment();
            counters.bytesSent.add(payload.length);
            return true;
        } catch (IOException e) {
            // Closed by stop() meanwhile, or refused by the kernel (unreachable, too long).
            // Counted; DEBUG, because receivers' addresses come from the network and a flood of
            // unroutable senders must not flood the log.
            counters.sendFailures.increment();
            log.debug("send of {} bytes to {} failed: {}", payload.length, to, e.toString());
            return false;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }
}
