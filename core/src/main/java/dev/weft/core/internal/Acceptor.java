package dev.weft.core.internal;

import dev.weft.core.ConnectionAdmission;
import dev.weft.core.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept loop of one listening socket: accept, ask the admission policy, check the
 * connection budget, apply socket options, and start one thread for the connection.
 *
 * <p>Over {@code maxConnections} a connection is accepted and closed at once, and counted as
 * rejected: the peer learns immediately instead of waiting in the kernel's backlog. A failing
 * {@code accept()} — typically "too many open files" — is counted and retried after a back-off
 * that doubles from 5 ms up to 1 s, so the loop neither spins nor dies, and it recovers as soon
 * as descriptors are free again. The loop ends when the listening socket is closed.
 */
public final class Acceptor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Acceptor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final Listener listener;
    private final ConnectionHandler handler;
    private final ServerContext server;
    private final Semaphore permits;
    private final ConnectionAdmission admission;

    /**
     * An acceptor not started yet.
     *
     * @param listener the bound listening socket
     * @param handler  the protocol handler run for each connection
     * @param server   the server's shared state
     */
    public Acceptor(Listener listener, ConnectionHandler handler, ServerContext server) {
        this.listener = listener;
        this.handler = handler;
        this.server = server;
        this.permits = new Semaphore(server.config().server().maxConnections());
        this.admission = server.config().server().admission();
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF);
        while (true) {
            AcceptedSocket socket;
            try {
                socket = listener.accept();
            } catch (ClosedChannelException e) {
                return; // stop() closed the listener
            } catch (IOException e) {
                if (!listener.isOpen()) {
                    return;
                }
                server.counters().acceptFailures.increment();
                Duration pause = backoff.next();
                log.warn("{} accept failed ({}); retrying in {} ms", server.config().name(), e.toString(),
                        pause.toMillis());
                if (!Backoff.sleep(pause)) {
                    return;
                }
                continue;
            }
            backoff.reset();
            server.counters().accepted.increment();
            InetSocketAddress remote = admit(socket);
            if (remote == null) {
                continue;
            }
            if (!permits.tryAcquire()) {
                server.counters().rejected.increment();
                log.debug("{} at its limit of {} connections: rejecting {}", server.config().name(),
                        server.config().server().maxConnections(), remote);
                admission.release(remote);
                socket.close();
                continue;
            }
            if (!serve(socket)) {
                permits.release();
                admission.release(remote);
            }
        }
    }

    /**
     * Asks the admission policy; returns the peer's address if admitted, else null after
     * closing the socket (and counting it as rejected when the policy refused it).
     */
    private InetSocketAddress admit(AcceptedSocket socket) {
        InetSocketAddress remote;
        try {
            remote = socket.remoteAddress();
        } catch (IOException e) {
            log.debug("{} connection failed before it started: {}", server.config().name(), e.toString());
            socket.close();
            return null;
        }
        if (!admission.admit(remote)) {
            server.counters().rejected.increment();
            log.debug("{} admission policy ({}) refused {}", server.config().name(), admission, remote);
            socket.close();
            return null;
        }
        return remote;
    }

    /** Starts the connection's thread; returns false (having closed the socket) if it could not. */
    private boolean serve(AcceptedSocket socket) {
        SocketConnection connection;
        try {
            socket.configure(server.config().server().listener().socketOptions());
            InetSocketAddress remote = socket.remoteAddress();
            InetSocketAddress local = socket.localAddress();
            connection = new SocketConnection(server.registry().nextId(), socket.transport(), remote, local, server);
        } catch (IOException e) {
            log.debug("{} connection failed before it started: {}", server.config().name(), e.toString());
            socket.close();
            return false;
        }
        server.connections().add(connection);
        try {
            server.threads().start(connection.toString(),
                    new ConnectionRunner(connection, handler, server, permits));
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Platform threads can run out; virtual threads practically cannot.
            log.error("{} cannot start a thread for {}", server.config().name(), connection, e);
            server.connections().remove(connection);
            connection.close();
            return false;
        }
    }
}
