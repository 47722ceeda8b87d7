package dev.weft.core;

/**
 * A component that does background work for as long as the server it serves is running — a
 * handler that probes backends, a proxy whose connection pool evicts idle connections. A server
 * tells the components it knows of (its {@link ConnectionHandler}, and for HTTP the handlers of
 * its routes) when it has started and when it is stopping.
 */
public interface ServerAware {

    /**
     * The server is bound and about to accept: start background work on {@code scope}'s threads.
     *
     * @param scope the running server's threads
     */
    void serverStarted(ServerScope scope);

    /**
     * The server is stopping and its connections have ended: end background work now. The
     * server then interrupts and awaits every thread started through its scope.
     */
    default void serverStopping() {
    }
}
