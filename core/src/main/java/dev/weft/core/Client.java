package dev.weft.core;

import java.net.InetSocketAddress;

/**
 * A live client in the {@link ClientRegistry}: a TCP connection, or a UDP peer.
 *
 * <p>A client can be reached from any thread. {@link #send(byte[])} never blocks the caller:
 * each client has a bounded outbound queue drained by a thread of its own, and a client whose
 * queue overflows — a peer that does not read fast enough — is disconnected and counted in
 * {@link ClientRegistry#slowClientsDisconnected()}, so it can never stall the sender or the
 * other clients.
 */
public interface Client {

    /** {@return the registry-wide unique id} */
    long id();

    /** {@return the transport this client uses, such as {@code "tcp"} or {@code "udp"}} */
    String protocol();

    /** {@return the peer's address} */
    InetSocketAddress remoteAddress();

    /** {@return the typed attributes that applications attach to this client (a nickname, a room, ...)} */
    ClientAttributes attributes();

    /**
     * Queues one message for the peer and returns at once.
     *
     * @param message the bytes to send, as one unit; the array must not be modified afterwards
     * @return {@code true} if queued; {@code false} if the client is closed or was just
     *     disconnected because its queue was full
     */
    boolean send(byte[] message);

    /** {@return whether the client is still connected} */
    boolean isOpen();

    /** Disconnects the client; idempotent. */
    void close();
}
