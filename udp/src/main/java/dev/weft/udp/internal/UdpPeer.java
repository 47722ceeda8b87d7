package dev.weft.udp.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import dev.weft.core.internal.Registration;
import dev.weft.udp.DatagramSender;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A relay peer as a {@link Client}: a member of the chat rooms and a broadcast target of the
 * shared registry, identified by its exact address and port, reached by datagrams from the
 * relay's socket.
 *
 * <p>{@link #send(byte[])} never blocks: it queues one datagram per line on the relay server's
 * send queue and returns (see {@link DatagramSender}). A line dropped because that queue is full,
 * or lost on the way because the peer's socket has no room, is lost — UDP has no acknowledgement
 * — but the peer stays joined: only silence expires it. {@link #close()} removes the peer from
 * the relay, its room (which is told) and the registry.
 */
public final class UdpPeer implements Client {

    private final long id;
    private final InetSocketAddress address;
    private final DatagramSender sender;
    private final Consumer<UdpPeer> closer;
    private final ClientAttributes attributes = new ClientAttributes();
    private volatile long lastSeenNanos;
    private volatile boolean open = true;
    private Registration registration;

    /**
     * A peer heard from at {@code nowNanos}.
     *
     * @param id       the registry id
     * @param address  the peer's address and port
     * @param nowNanos when it was last heard from, on the relay's clock
     * @param sender   sends from the relay's socket
     * @param closer   removes it from the relay, for {@link #close()}
     */
    public UdpPeer(long id, InetSocketAddress address, long nowNanos, DatagramSender sender, Consumer<UdpPeer> closer) {
        this.id = id;
        this.address = address;
        this.sender = sender;
        this.closer = closer;
        this.lastSeenNanos = nowNanos;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String protocol() {
        return "udp";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return address;
    }

    @Override
    public ClientAttributes attributes() {
        return attributes;
    }

    /** When the peer was last heard from, on the relay's clock. */
    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /**
     * Records that the peer was heard from at {@code nowNanos}.
     *
     * @param nowNanos now, on the relay's clock
     */
    public void touch(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    /**
     * Sends {@code message}, one datagram per line ({@code "\n"} ends a line and stays in the
     * datagram); a message of one line is sent without copying.
     *
     * @return {@code false} if the peer is closed or a datagram could not be sent
     */
    @Override
    public boolean send(byte[] message) {
        if (!open) {
            return false;
        }
        int start = 0;
        boolean sent = true;
        while (start < message.length) {
            int end = endOfLine(message, start);
            byte[] line = start == 0 && end == message.length ? message : Arrays.copyOfRange(message, start, end);
            sent &= sender.send(address, line);
            start = end;
        }
        return sent;
    }

    private static int endOfLine(byte[] message, int from) {
        for (int i = from; i < message.length; i++) {
            if (message[i] == '\n') {
                return i + 1;
            }
        }
        return message.length;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Keeps the registry membership, to end it when the peer goes; under the table's lock. */
    void registered(Registration membership) {
        registration = membership;
    }

    /** Marks the peer closed and ends its registry membership; under the table's lock. */
    void closed() {
        open = false;
        if (registration != null) {
            registration.close();
        }
    }

    @Override
    public void close() {
        if (open) {
            closer.accept(this);
        }
    }

    @Override
    public String toString() {
        return "udp-peer-" + id + " " + address;
    }
}
