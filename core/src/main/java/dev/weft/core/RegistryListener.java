package dev.weft.core;

/**
 * Hears clients join and leave a {@link ClientRegistry}.
 *
 * <p>Callbacks run on the thread that registers or unregisters the client (usually the
 * client's own connection thread) and must not block for long; use {@link Client#send} to
 * notify other clients, which never blocks. An exception thrown by a listener is logged and
 * does not stop other listeners or the registration.
 */
public interface RegistryListener {

    /**
     * {@code client} has just been registered.
     *
     * @param client the client registered
     */
    default void joined(Client client) {
    }

    /**
     * {@code client} has just been unregistered; it is closed or closing.
     *
     * @param client the client unregistered
     */
    default void left(Client client) {
    }
}
