package dev.weft.core;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread-safe registry of live clients, shared by every server of an application: TCP
 * connections and UDP peers alike, so that one protocol's clients can reach another's.
 *
 * <p>Servers register a client when it connects and always unregister it when it goes away —
 * when its handler returns, throws, or its peer resets — so the registry never holds a dead
 * entry. Applications read it (lookup, snapshot, count), listen to it, and {@linkplain
 * #broadcast broadcast} through it.
 *
 * <p>One instance per application: with Dagger, {@code CoreModule} provides it as a
 * {@code @Singleton}; without Dagger, create one and hand it to every server.
 */
public final class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final ConcurrentHashMap<Long, Client> clients = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder slowClientsDisconnected = new LongAdder();

    /** Creates an empty registry. */
    @Inject
    public ClientRegistry() {
    }

    /** A new id, unique within this registry, for a client about to be registered. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Adds a client and tells the listeners.
     *
     * @throws IllegalStateException if a client with the same id is already registered
     */
    public void register(Client client) {
        Objects.requireNonNull(client, "client");
        if (clients.putIfAbsent(client.id(), client) != null) {
            throw new IllegalStateException("client id " + client.id() + " is already registered");
        }
        for (RegistryListener listener : listeners) {
            try {
                listener.joined(client);
            } catch (RuntimeException e) {
                log.error("registry listener {} failed on join of client {}", listener, client.id(), e);
            }
        }
    }

    /**
     * Removes a client and tells the listeners; does nothing if it is not registered (so it is
     * safe to call more than once).
     *
     * @return whether the client was registered
     */
    public boolean unregister(Client client) {
        if (!clients.remove(client.id(), client)) {
            return false;
        }
        for (RegistryListener listener : listeners) {
            try {
                listener.left(client);
            } catch (RuntimeException e) {
                log.error("registry listener {} failed on leave of client {}", listener, client.id(), e);
            }
        }
        return true;
    }

    /** The client with this id, if it is live. */
    public Optional<Client> find(long id) {
        return Optional.ofNullable(clients.get(id));
    }

    /** A point-in-time copy of the live clients, in no particular order. */
    public List<Client> snapshot() {
        return new ArrayList<>(clients.values());
    }

    /** The number of live clients. */
    public int size() {
        return clients.size();
    }

    /**
     * Adds a listener for joins and leaves.
     *
     * @return a handle whose {@code close()} removes the listener
     */
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /**
     * Sends {@code message} to every live client that {@code recipients} accepts, without
     * blocking: each message is queued per client (see {@link Client#send(byte[])}).
     *
     * @param message    the bytes to send; not modified, shared by all recipients
     * @param recipients which clients get it (for example "everyone but the sender")
     * @return how many clients the message was queued for
     */
    public int broadcast(byte[] message, Predicate<? super Client> recipients) {
        Objects.requireNonNull(message, "message");
        int queued = 0;
        for (Client client : clients.values()) {
            if (recipients.test(client) && client.send(message)) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Counts a client disconnected because it could not keep up with its outbound messages.
     * Called by client implementations; applications read {@link #slowClientsDisconnected()}.
     */
    public void countSlowClientDisconnected() {
        slowClientsDisconnected.increment();
    }

    /** How many clients were disconnected because their outbound queue overflowed. */
    public long slowClientsDisconnected() {
        return slowClientsDisconnected.sum();
    }

    @Override
    public String toString() {
        return "ClientRegistry[" + clients.size() + " clients]";
    }
}
