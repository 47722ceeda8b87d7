package dev.weft.core.internal;

import dev.weft.core.ConnectionHandler;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one connection's thread: run the handler; when it returns normally, send what it
 * left buffered or queued; then — whatever happened — unregister the client, close the socket,
 * count it, give back the connection permit and tell the admission policy the connection is over.
 */
final class ConnectionRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRunner.class);

    private final SocketConnection connection;
    private final ConnectionHandler handler;
    private final ServerContext server;
    private final Semaphore permits;

    ConnectionRunner(SocketConnection connection, ConnectionHandler handler, ServerContext server,
                     Semaphore permits) {
        this.connection = connection;
        this.handler = handler;
        this.server = server;
        this.permits = permits;
    }

    @Override
    public void run() {
        try {
            server.registry().register(connection);
            handler.handle(connection);
            connection.finishWrites();
        } catch (SocketTimeoutException e) {
            server.counters().idleTimeouts.increment();
            log.debug("{} idle for more than {}: closing", connection, connection.readTimeout());
        } catch (EOFException | ClosedChannelException e) {
            log.debug("{} ended: {}", connection, e.toString());
        } catch (SocketException e) {
            // Reset by peer, broken pipe, or closed by stop()/the watchdog: all normal endings.
            log.debug("{} closed: {}", connection, e.toString());
        } catch (IOException e) {
            if (peerWentAway(e)) {
                log.debug("{} closed by peer: {}", connection, e.toString());
            } else {
                log.warn("{} I/O failure", connection, e);
            }
        } catch (RuntimeException e) {
            server.counters().handlerFailures.increment();
            log.error("{} handler failed", connection, e);
        } catch (StackOverflowError e) {
            server.counters().handlerFailures.increment();
            log.error("{} handler overflowed its stack", connection, e);
        } finally {
            server.registry().unregister(connection);
            connection.close();
            server.connections().remove(connection);
            server.counters().closed.increment();
            permits.release();
            server.config().admission().release(connection.remoteAddress());
        }
    }

    /**
     * Whether {@code e} says the peer went away, or the connection was closed under the
     * handler. Some JDK paths (a zero-copy {@code transferTo}, for one) report a reset or a
     * broken pipe as a plain {@link IOException} rather than a {@link SocketException}.
     */
    private boolean peerWentAway(IOException e) {
        if (!connection.isOpen()) {
            return true;
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Connection reset");
    }
}
