package dev.weft.core.internal;

/**
 * A client's membership of a {@link ClientTable}, as the engine holds it: closing it removes the
 * client and tells the listeners, once, however many times it is closed.
 */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Removes the client from the registry; idempotent. */
    @Override
    void close();
}
