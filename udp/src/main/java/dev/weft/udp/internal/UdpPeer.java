package dev.weft.udp.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import dev.weft.udp.ChatPresence;
import dev.weft.udp.DatagramSender;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A relay peer as a {@link Client} of the shared registry: identified by its exact address and
 * port, reached by datagrams from the relay's socket.
 *
 * <p>{@link #send(byte[])} never blocks: it queues one datagram per line on the relay server's
 * send queue and returns (see {@link DatagramSender}). A line dropped because that queue is full,
 * or lost on the way because the peer's socket has no room, is lost — UDP has no
 * acknowledgement — but the peer stays joined: only silence expires it. {@link #close()} removes the peer from
 * the relay and the registry, telling its room.
 */
public final class UdpPeer implements Client {

    private final long id;
    private final InetSocketAddress address;
    private final DatagramSender sender;
    private final Consumer<UdpPeer> closer;
    private final ClientAttributes attributes = new ClientAttributes();
    private volatile Presence presence;
    private volatile Instant lastSeen;
    private volatile boolean open = true;

    /**
     * @param id       the registry id
     * @param address  the peer's address and port
     * @param presence its room and nickname
     * @param now      when it was last heard from
     * @param sender   sends from the relay's socket
     * @param closer   removes it from the relay, for {@link #close()}
     */
    public UdpPeer(long id, InetSocketAddress address, Presence presence, Instant now,
                   DatagramSender sender, Consumer<UdpPeer> closer) {
        this.id = id;
        this.address = address;
        this.sender = sender;
        this.closer = closer;
        this.lastSeen = now;
        moveTo(presence);
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

    /** Where the peer is now. */
    public Presence presence() {
        return presence;
    }

    /** Changes room and nickname, in the attributes too; the caller holds the table's lock. */
    void moveTo(Presence where) {
        presence = where;
        attributes.put(ChatPresence.ROOM, where.room());
        attributes.put(ChatPresence.NICKNAME, where.nickname());
    }

    /** When the peer was last heard from. */
    public Instant lastSeen() {
        return lastSeen;
    }

    /** Records that the peer was heard from at {@code now}. */
    public void touch(Instant now) {
        lastSeen = now;
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

    /** Marks the peer closed; called by the table once it is removed. */
    void markClosed() {
        open = false;
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
