package dev.weft.core;

import dev.weft.core.internal.ClientTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The live clients of an application that can receive messages, shared by all its servers: TCP
 * connections that {@linkplain Connection#client() became clients}, UDP peers of a relay, and
 * WebSocket sessions — so that one protocol's clients can reach another's. An HTTP exchange is
 * never in it: its peer cannot take an unsolicited message.
 *
 * <p>Applications read it (lookup, snapshot, count), listen to it, and {@linkplain #broadcast
 * broadcast} through it. Registering is the engine's business: a server adds a client when it
 * becomes reachable and always removes it when it goes away — when its handler returns, throws,
 * or its peer resets — so the registry never holds a dead entry, and an application can neither
 * add a phantom client nor remove another server's.
 *
 * <p>One instance per application, from {@link #create()}: with Dagger, {@code CoreModule}
 * provides it as a {@code @Singleton}; without Dagger, create one and hand it to every server.
 * Weft's servers accept only registries made by {@link #create()}.
 */
public interface ClientRegistry {

    /** {@return a new, empty registry} */
    static ClientRegistry create() {
        return new ClientTable();
    }

    /**
     * The client with this id, if it is live.
     *
     * @param id the client's connection id ({@link Connection#id()})
     * @return the client; empty if no live client has that id
     */
    Optional<Client> find(long id);

    /** {@return a point-in-time copy of the live clients, in no particular order} */
    List<Client> snapshot();

    /** {@return the number of live clients} */
    int size();

    /**
     * Adds a listener for joins and leaves.
     *
     * @param listener the listener, not null
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable addListener(RegistryListener listener);

    /**
     * Sends {@code message} to every live client that {@code recipients} accepts, without
     * blocking and without waiting for any socket: each message is queued per client (see
     * {@link Client#send(byte[])}).
     *
     * @param message    the bytes to send; not modified, shared by all recipients
     * @param recipients which clients get it (for example "everyone but the sender")
     * @return how many clients the message was queued for
     */
    int broadcast(byte[] message, Predicate<? super Client> recipients);

    /** {@return how many clients were disconnected because their outbound queue overflowed} */
    long slowClientsDisconnected();
}
