package dev.weft.http.internal.websocket;

import dev.weft.http.Request;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the WebSocket sessions of one server share: the timer thread that enforces their
 * deadlines, their counters, and the set of live sessions, which a stopping server closes
 * with {@code 1001} ({@link #goingAway()}) before it waits for its connections. The HTTP server
 * creates one when it starts and closes it when it stops; each upgraded connection then calls
 * {@link #serve} on its own thread.
 */
public final class WebSocketSessions implements AutoCloseable {

    private final SessionTimer timer;
    private final SessionCounters counters = new SessionCounters();
    private final Set<WebSocketConnection> live = ConcurrentHashMap.newKeySet();

    /**
     * Starts the timer thread.
     *
     * @param name the server's name, used to name the timer thread
     */
    public WebSocketSessions(String name) {
        this.timer = new SessionTimer(name + "-ws-timer");
    }

    /**
     * Decides the opening handshake of {@code request} for a route configured by {@code config}.
     * An {@link HandshakeOutcome.Accepted} is to be answered with its
     * {@linkplain HandshakeOutcome.Accepted#responseHead() 101 head} and followed by
     * {@link #serve}; a {@link HandshakeOutcome.Rejected} with its response.
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
     * head was written: the endpoint, then the closing handshake. Returns once the connection
     * is closed; never throws for anything the peer does.
     *
     * @param name        the connection's name, for log lines
     * @param connection  the upgraded connection
     * @param alreadyRead bytes already read past the handshake's head (the first frames)
     * @param request     the handshake request, with an empty body
     * @param accepted    the handshake's outcome
     * @param config      the route's configuration
     * @param endpoint    the route's endpoint
     */
    public void serve(String name, UpgradedConnection connection, byte[] alreadyRead, Request request,
                      HandshakeOutcome.Accepted accepted, WebSocketConfig config, WebSocketEndpoint endpoint) {
        WebSocketConnection session =
                new WebSocketConnection(name, connection, alreadyRead, request, accepted, config, timer, counters);
        live.add(session);
        try {
            session.run(endpoint);
        } finally {
            live.remove(session);
        }
    }

    /**
     * Starts the closing handshake of every live session with {@code 1001} (going away): the
     * server is stopping. Each session's close frame follows what it has queued, and its
     * connection closes when the peer answers, or after its close timeout.
     */
    public void goingAway() {
        CloseStatus stopping = CloseStatus.GOING_AWAY_1001.withReason("server stopping");
        for (WebSocketConnection session : live) {
            session.close(stopping.code(), stopping.reason());
        }
    }

    /**
     * How many sessions are live.
     *
     * @return the number of sessions whose endpoint or closing handshake still runs
     */
    public int liveSessions() {
        return live.size();
    }

    /**
     * The counters of this server's sessions.
     *
     * @return the counters
     */
    public SessionCounters counters() {
        return counters;
    }

    /** Stops the timer thread. */
    @Override
    public void close() {
        timer.close();
    }
}
