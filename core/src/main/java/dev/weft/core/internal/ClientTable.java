package dev.weft.core.internal;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.RegistryListener;
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
 * The engine's side of the {@link ClientRegistry}: the live clients, and the operations only
 * servers perform — taking an id, registering a client (which returns the {@link Registration}
 * that removes it), counting a slow client's disconnection.
 */
public final class ClientTable implements ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientTable.class);

    private final ConcurrentHashMap<Long, Client> clients = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder slowClientsDisconnected = new LongAdder();

    /** Creates an empty registry; applications call {@link ClientRegistry#create()}. */
    public ClientTable() {
    }

    /**
     * The engine's view of {@code registry}.
     *
     * @param registry a registry made by {@link ClientRegistry#create()}
     * @return the same registry, as the engine's table
     * @throws IllegalArgumentException when it was not made by {@link ClientRegistry#create()}
     */
    public static ClientTable of(ClientRegistry registry) {
        if (registry instanceof ClientTable table) {
            return table;
        }
        throw new IllegalArgumentException("a Weft server needs a registry made by ClientRegistry.create(), not "
                + registry.getClass().getName());
    }

    /** {@return a new id, unique within this registry, for a client about to be registered} */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Adds a client and tells the listeners.
     *
     * @param client the client, not null
     * @return the membership; closing it removes the client
     * @throws IllegalStateException if a client with the same id is already registered
     */
    public Registration register(Client client) {
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
        return () -> unregister(client);
    }

    /** Removes a client and tells the listeners; does nothing if it is not registered. */
    private boolean unregister(Client client) {
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

    @Override
    public Optional<Client> find(long id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public List<Client> snapshot() {
        return new ArrayList<>(clients.values());
    }

    @Override
    public int size() {
        return clients.size();
    }

    @Override
    public AutoCloseable addListener(RegistryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
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

    /** Counts a client disconnected because it could not keep up with its outbound messages. */
    public void countSlowClientDisconnected() {
        slowClientsDisconnected.increment();
    }

    @Override
    public long slowClientsDisconnected() {
        return slowClientsDisconnected.sum();
    }

    @Override
    public String toString() {
        return "ClientRegistry[" + clients.size() + " clients]";
    }
}
