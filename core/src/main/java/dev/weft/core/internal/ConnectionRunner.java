package dev.weft.core.internal;

import dev.weft.core.ConnectionHandler;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one connection's thread: run the handler; when it returns normally, let its queued
 * messages go out; then — whatever happened — unregister the client, close the socket, count it,
 * give back the connection permit and tell the admission policy the connection is over.
 *
 * <p>Every ending is classified here, once, with a deliberate log level: a timeout, a peer that
 * went away or a close by this process at DEBUG, another I/O failure at WARN, a handler bug at
 * ERROR. None of them affects another connection.
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
            handler.handle(connection);
            connection.finishWrites();
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
            // The address's admission is released before the connection leaves the active set, so
            // a client that sees active() fall may reconnect at once without being refused.
            server.config().server().admission().release(connection.remoteAddress());
            server.connections().remove(connection);
            server.counters().closed.increment();
            permits.release();
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
