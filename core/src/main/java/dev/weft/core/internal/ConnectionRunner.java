package dev.weft.core.internal;

import dev.weft.core.ConnectionHandler;
import dev.weft.core.tls.HandshakeFailure;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one connection's thread: on a TLS server, the handshake first (a failed one ends
 * here, counted by its reason, and the handler never runs); run the handler; when it returns
 * normally, let its queued messages go out and, under TLS, send close_notify; then — whatever
 * happened — unregister the client, close the socket, count it, give back the connection permit
 * and tell the admission policy the connection is over.
 *
 * <p>Every ending is classified here, once, with a deliberate log level: a timeout, a peer that
 * went away or a close by this process at DEBUG, a TLS ClientHello a plaintext protocol refused
 * at DEBUG (counted as {@link HandshakeFailure#TLS_ON_PLAINTEXT_PORT}), another I/O failure at
 * WARN, a handler bug at ERROR. None of them affects another connection.
 *
 * <p>The thread also emits the JFR events {@code dev.weft.ConnectionOpened} and
 * {@code dev.weft.ConnectionClosed} (whose duration is the connection's lifetime) when a
 * recording enabled them.
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
        ConnectionClosedEvent lifetime = opened();
        try {
            if (connection.handshake()) {
                handler.handle(connection);
                connection.finishWrites();
                connection.endTls();
            }
        } catch (TlsOnPlaintextPortException e) {
            server.handshakes().countFailed(HandshakeFailure.TLS_ON_PLAINTEXT_PORT);
            log.debug("{} closed: a TLS handshake on a plaintext port ({})", connection, e.getMessage());
        } catch (IOException e) {
            ended(e);
        } catch (RuntimeException e) {
            server.counters().handlerFailures.increment();
            log.error("{} handler failed", connection, e);
        } catch (StackOverflowError e) {
            server.counters().handlerFailures.increment();
            log.error("{} handler overflowed its stack", connection, e);
        } finally {
            connection.unregister();
            connection.close();
            // Everything the connection held is given back before it stops counting as active, so
            // that a client seeing active() drop may reconnect within its per-address budget.
            permits.release();
            server.config().server().admission().release(connection.remoteAddress());
            server.counters().closed.increment();
            server.connections().remove(connection);
            closed(lifetime);
        }
    }

    /**
     * Commits {@code dev.weft.ConnectionOpened} and begins {@code dev.weft.ConnectionClosed}, each
     * if a recording enabled it.
     *
     * @return the begun closing event, or null when it is off
     */
    private ConnectionClosedEvent opened() {
        ConnectionOpenedEvent opened = new ConnectionOpenedEvent();
        if (opened.isEnabled()) {
            opened.describe(connection, server.config().name());
            opened.commit();
        }
        ConnectionClosedEvent closed = new ConnectionClosedEvent();
        if (!closed.isEnabled()) {
            return null;
        }
        closed.describe(connection, server.config().name());
        closed.begin();
        return closed;
    }

    private static void closed(ConnectionClosedEvent lifetime) {
        if (lifetime != null) {
            lifetime.commit();
        }
    }

    private void ended(IOException e) {
        switch (connection.expiry()) {
            case READ -> log.debug("{} idle for more than {}: closed", connection, connection.readTimeout());
            case WRITE -> log.debug("{} did not read for more than {}: closed", connection,
                    server.config().server().writeTimeout());
            case NONE -> {
                switch (Disconnect.classify(e, connection.closedHere())) {
                    case PEER_GONE -> log.debug("{} closed by peer: {}", connection, e.toString());
                    case CLOSED_HERE -> log.debug("{} closed: {}", connection, e.toString());
                    case FAILURE -> log.warn("{} I/O failure", connection, e);
                }
            }
        }
    }
}
