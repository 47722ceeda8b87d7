package dev.weft.http.internal.websocket;

import dev.weft.http.Request;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;

/**
 * What the WebSocket sessions of one server share: the timer thread that enforces their
 * deadlines and their counters. The HTTP server creates one when it starts and closes it when
 * it stops; each upgraded connection then calls {@link #serve} on its own thread.
 */
public final class WebSocketSessions implements AutoCloseable {

    private final SessionTimer timer;
    private final SessionCounters counters = new SessionCounters();

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
        new WebSocketConnection(name, connection, alreadyRead, request, accepted, config, timer, counters)
                .run(endpoint);
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
