package dev.weft.http.internal.websocket;

import dev.weft.core.Client;
import dev.weft.core.internal.ClientTable;
import dev.weft.core.internal.Registration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's place in the server's client registry, taken when its endpoint first asks for it
 * while the session is open, and given up when the session ends, so a session can never leave an
 * entry behind.
 */
final class SessionMembership {

    private final long id;
    private final ClientTable registry;
    private final ReentrantLock lock = new ReentrantLock();
    private WebSocketClient client;
    private Registration registration;
    private boolean ended;

    /**
     * @param id       the session's id in the registry (its connection's)
     * @param registry the server's registry
     */
    SessionMembership(long id, ClientTable registry) {
        this.id = id;
        this.registry = registry;
    }

    /**
     * The session as a registry client, registered on the first call unless the session is
     * closing or closed (a client that can no longer receive would only be in the way).
     */
    Client client(WebSocketConnection session) {
        lock.lock();
        try {
            if (client == null) {
                client = new WebSocketClient(id, session);
                if (!ended && session.isOpen()) {
                    registration = registry.register(client);
                }
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    /** Counts a slow-peer disconnection in the registry too, if the session is one of its clients. */
    void countSlowPeer() {
        lock.lock();
        try {
            if (registration != null) {
                registry.countSlowClientDisconnected();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Leaves the registry, for good. */
    void end() {
        Registration leaving;
        lock.lock();
        try {
            ended = true;
            leaving = registration;
            registration = null;
        } finally {
            lock.unlock();
        }
        if (leaving != null) {
            leaving.close();
        }
    }
}
