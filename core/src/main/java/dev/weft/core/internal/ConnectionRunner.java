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
 * count it and give back the connection permit.
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
            log.warn("{} I/O failure", connection, e);
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
        }
    }
}
