package dev.weft.core;

import java.io.IOException;

/**
 * The whole life of one TCP connection, written as plain blocking code.
 *
 * <p>{@link #handle} runs on the connection's own thread (a virtual thread by default), so it
 * may block on reads, writes, locks, databases or other services. When it returns or throws,
 * the engine closes the socket, removes the client from the {@link ClientRegistry} and counts
 * the close; the handler never has to clean up the connection itself.
 *
 * <p>Exceptions are logged at a level that fits their kind: a peer that went away or an idle
 * timeout at DEBUG, other I/O failures at WARN, anything else (a handler bug) at ERROR. None of
 * them affects another connection.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Serves one connection until it is done.
     *
     * @param connection the connection, open on entry
     * @throws IOException when the connection fails; the engine closes it
     */
    void handle(Connection connection) throws IOException;
}
