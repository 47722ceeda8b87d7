package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.internal.websocket.WebSocketSessions;
import java.io.IOException;
import java.util.Objects;

/**
 * HTTP/1.1 as a core {@link ConnectionHandler}: one {@link Http1Connection} loop per
 * connection, on the connection's own virtual thread, running every exchange through the
 * application's {@link HttpPipeline}. The core engine closes the socket and unregisters the client
 * when the loop ends, however it ends.
 */
public final class Http1ConnectionHandler implements ConnectionHandler, ServerAware {

    private final HttpPipeline pipeline;
    private final HttpLimits limits;
    private final RequestParser parser;
    private final byte[] serverLine;
    private final WebSocketSessions webSockets;

    /**
     * A handler serving HTTP/1.1 connections with {@code pipeline}.
     *
     * @param pipeline   the application: filters, handler, error model
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     * @param webSockets the server's WebSocket sessions, started and stopped with the server
     */
    public Http1ConnectionHandler(HttpPipeline pipeline, HttpLimits limits, String serverName,
                                  WebSocketSessions webSockets) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.serverLine = ResponseWriter.serverLine(Objects.requireNonNull(serverName, "serverName"));
        this.parser = new RequestParser(limits);
        this.webSockets = Objects.requireNonNull(webSockets, "webSockets");
    }

    /**
     * Readies the WebSocket sessions (their timer will run on a thread of the server, started with
     * the first session), and passes the news on to the pipeline, and through it to the handler
     * and filters.
     */
    @Override
    public void serverStarted(ServerScope scope) {
        webSockets.start(task -> scope.startThread(scope.serverName() + "-ws-timer", task));
        pipeline.serverStarted(scope);
    }

    /**
     * Passes the news on to the pipeline, and through it to the handler and filters, then stops
     * the WebSocket sessions' timer: every connection has ended by now.
     */
    @Override
    public void serverStopping() {
        try {
            pipeline.serverStopping();
        } finally {
            webSockets.close();
        }
    }

    @Override
    public void handle(Connection connection) throws IOException {
        new Http1Connection(connection, pipeline, limits, parser, serverLine, webSockets).run();
    }
}
