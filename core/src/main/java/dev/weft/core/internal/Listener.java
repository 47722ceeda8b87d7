package dev.weft.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A bound, listening TCP socket of one server, opened by its {@link SocketEngine}.
 *
 * <p>{@link #accept()} is called by one thread, the acceptor; {@link #close()} by any, and it makes
 * an {@code accept()} in progress fail with a {@link java.nio.channels.ClosedChannelException}.
 */
public interface Listener {

    /**
     * Waits for the next connection.
     *
     * @return the accepted socket, not yet configured
     * @throws java.nio.channels.ClosedChannelException once the listener is closed
     * @throws IOException when accepting fails (for example "too many open files"); the listener
     *     stays usable
     */
    AcceptedSocket accept() throws IOException;

    /**
     * {@return the address bound}
     *
     * @throws IOException when the socket cannot report it (it was closed)
     */
    InetSocketAddress localAddress() throws IOException;

    /** {@return whether it has not been closed} */
    boolean isOpen();

    /**
     * Stops listening; idempotent, callable from any thread.
     *
     * @throws IOException when closing the socket fails
     */
    void close() throws IOException;
}
