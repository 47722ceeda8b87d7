package dev.weft.http.internal.websocket;

import dev.weft.core.Connection;
import dev.weft.core.internal.ClientTable;
import dev.weft.http.Headers;
import dev.weft.http.Request;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.http.websocket.WebSocketLimits;
import dev.weft.http.websocket.WebSocketMetrics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What the WebSocket sessions of one server share: the timer thread that enforces their
 * deadlines, their counters, the registry they may join, and the set of live sessions, which a
 * stopping server closes with {@code 1001} ({@link #goingAway()}) before it waits for its
 * connections.
 *
 * <p>Lifecycle, driven by the HTTP server: {@link #start} when the server starts (the timer runs
 * on a thread of the server, so the server's stop awaits it, started with the first session), {@link #goingAway()} when it begins
 * to stop, {@link #close()} once its connections are gone. Each upgraded connection calls
 * {@link #serve} on its own thread in between.
 */
public final class WebSocketSessions implements AutoCloseable {

    private final ClientTable registry;
    private final SessionCounters counters = new SessionCounters();
    private final Set<WebSocketConnection> live = ConcurrentHashMap.newKeySet();
    private final ReentrantLock timerLock = new ReentrantLock();
    private Function<Runnable, Thread> threads;
    private SessionTimer timer;
    private boolean closed;
    private volatile boolean stopping;

    /**
     * Sessions that join {@code registry} when their endpoint asks ({@code session.client()}).
     *
     * @param registry the server's registry
     */
    public WebSocketSessions(ClientTable registry) {
        this.registry = registry;
    }

    /**
     * Gets ready to serve: the timer thread will be started with {@code start} when the first
     * session begins, so a server that never upgrades a connection has no such thread.
     *
     * @param start starts a task on a new thread of the server and returns the thread
     */
    public void start(Function<Runnable, Thread> start) {
        timerLock.lock();
        try {
            threads = start;
        } finally {
            timerLock.unlock();
        }
    }

    /** The timer, started on first use; fails before {@link #start} and after {@link #close()}. */
    private SessionTimer timer() {
        timerLock.lock();
        try {
            if (timer == null) {
                if (threads == null || closed) {
                    throw new IllegalStateException("WebSocket sessions are not running");
                }
                timer = new SessionTimer(threads);
            }
            return timer;
        } finally {
            timerLock.unlock();
        }
    }

    /**
     * Decides the opening handshake of {@code request} for a route configured by {@code config}.
     * An {@link HandshakeOutcome.Accepted} is to be answered with {@code 101} and its header
     * fields, then followed by {@link #serve}; a {@link HandshakeOutcome.Rejected} with its
     * response.
     *
     * @param request the request, head only
     * @param config  the route's configuration
     * @return what to answer
     */
    public static HandshakeOutcome handshake(Request request, WebSocketConfig config) {
        return OpeningHandshake.negotiate(request, config);
    }

    /**
     * Runs one session on the calling thread — the connection's own — after the {@code 101}
     * was written: the endpoint, then the closing handshake. What the session speaks
     * (subprotocol, compression) is read from the {@code 101}'s header fields as they were sent.
     * Core's read timeout becomes a backstop behind the session's own deadlines. Returns once the
     * connection is closed; never throws for anything the peer does.
     *
     * @param connection  the connection that answered {@code 101}
     * @param alreadyRead bytes already read past the handshake's head (the first frames)
     * @param request     the handshake request, with an empty body
     * @param sent        the header fields of the {@code 101} as written
     * @param config      the route's configuration
     * @param endpoint    the route's endpoint
     */
    public void serve(Connection connection, byte[] alreadyRead, Request request, Headers sent,
                      WebSocketConfig config, WebSocketEndpoint endpoint) {
        WebSocketLimits limits = config.limits();
        connection.readTimeout(limits.idleTimeout().plus(limits.closeTimeout()));
        serve(connection.toString(), connection.id(), new ConnectionUpgrade(connection), alreadyRead, request,
                OpeningHandshake.agreed(sent), config, endpoint);
    }

    /**
     * Runs one session on an upgraded connection; see
     * {@link #serve(Connection, byte[], Request, Headers, WebSocketConfig, WebSocketEndpoint)}.
     *
     * @param name        the connection's name, for log lines
     * @param id          the connection's id, the session's id as a registry client
     * @param connection  the upgraded connection
     * @param alreadyRead bytes already read past the handshake's head
     * @param request     the handshake request
     * @param accepted    what the handshake agreed
     * @param config      the route's configuration
     * @param endpoint    the route's endpoint
     */
    void serve(String name, long id, UpgradedConnection connection, byte[] alreadyRead, Request request,
               HandshakeOutcome.Accepted accepted, WebSocketConfig config, WebSocketEndpoint endpoint) {
        SessionTimer running = timer();
        WebSocketConnection session = new WebSocketConnection(name, connection, alreadyRead, request, accepted,
                config, running, counters, new SessionMembership(id, registry));
        live.add(session);
        try {
            if (stopping) {
                // Upgraded while the server began to stop: goingAway() may have missed it.
                session.goAway();
            }
            session.run(endpoint);
        } finally {
            live.remove(session);
        }
    }

    /**
     * Starts the closing handshake of every live session, and of any session that starts from
     * now on, with {@code 1001} (going away): the server is stopping. Each session's close frame
     * follows what it has queued, and its connection closes when the peer answers, or after its
     * close timeout.
     */
    public void goingAway() {
        stopping = true;
        for (WebSocketConnection session : live) {
            session.goAway();
        }
    }

    /**
     * A snapshot of the counters.
     *
     * @return the metrics
     */
    public WebSocketMetrics metrics() {
        return new WebSocketMetrics(counters.opened.sum(), live.size(), counters.slowPeers.sum(),
                counters.protocolFailures.sum(), counters.idleTimeouts.sum(), counters.pongTimeouts.sum(),
                counters.closeTimeouts.sum(), counters.endpointFailures.sum());
    }

    /** Stops the timer thread, if it was started; idempotent. */
    @Override
    public void close() {
        timerLock.lock();
        try {
            closed = true;
            if (timer != null) {
                timer.close();
            }
        } finally {
            timerLock.unlock();
        }
    }

    /** The status a stopping server closes its sessions with. */
    static final CloseStatus SERVER_STOPPING = CloseStatus.GOING_AWAY_1001.withReason("server stopping");
}
