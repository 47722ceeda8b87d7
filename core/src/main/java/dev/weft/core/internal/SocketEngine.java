package dev.weft.core.internal;

import dev.weft.core.ListenerConfig;
import dev.weft.core.SocketIo;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * How one server's sockets are opened and wait for readiness: the JDK's blocking sockets
 * ({@link JdkSocketEngine}) or the server's own epoll poller ({@code
 * dev.weft.core.internal.epoll.EpollSocketEngine}, compiled for Java 22 and loaded only on a JDK
 * that has the foreign function API; see {@link SocketEngines}). Chosen once, when the server starts,
 * from {@link ListenerConfig#socketIo()}; every connection the listener accepts then gets a
 * {@link Transport} of the same engine.
 *
 * <p>An engine may own threads (a poller): they are counted in the server's metrics and end in
 * {@link #stop()}, which the server calls after its listener and every connection are closed.
 */
public interface SocketEngine {

    /**
     * Opens a listening socket bound to {@code address}, with the listener's socket options and
     * backlog.
     *
     * @param address the resolved address to bind
     * @param config  the listener's socket options and backlog
     * @return the bound, listening socket
     * @throws java.net.BindException when the address cannot be bound (the caller names it)
     */
    Listener listen(InetSocketAddress address, ListenerConfig config) throws IOException;

    /** {@return which it is: {@link SocketIo#EPOLL} or {@link SocketIo#JDK}} */
    SocketIo kind();

    /** {@return what the engine is, for the server's start-up log line: {@code "epoll"}, {@code "JDK sockets"}} */
    String description();

    /** {@return how many of the engine's own threads are alive now} */
    int threads();

    /** Ends the engine's own threads and frees what it holds; idempotent. */
    void stop();

    /**
     * The one the configuration asks for; see {@link SocketEngines#open(SocketIo, String)}.
     *
     * @param io         the socket I/O configured
     * @param serverName the server's name, for thread names and log lines
     * @return the opened engine
     * @throws IOException when the engine cannot be opened
     */
    static SocketEngine open(SocketIo io, String serverName) throws IOException {
        return SocketEngines.open(io, serverName);
    }
}
