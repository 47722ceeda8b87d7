package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.tls.TlsInfo;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.internal.websocket.WebSocketSessions;
import dev.weft.http.internal.h2.Http2Connections;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP as a core {@link ConnectionHandler}: one {@link Http1Connection} loop per connection, on
 * the connection's own virtual thread, running every exchange through the application's
 * {@link HttpPipeline} — or, with HTTP/2 on, an HTTP/2 connection when ALPN chose {@code h2} (and
 * from the HTTP/1.1 loop, when the client starts with the HTTP/2 preface or asks for
 * {@code Upgrade: h2c}). The core engine closes the socket and unregisters the client when the
 * loop ends, however it ends.
 */
public final class Http1ConnectionHandler implements ConnectionHandler, ServerAware {

    private final HttpPipeline pipeline;
    private final HttpLimits limits;
    private final RequestParser parser;
    private final byte[] serverLine;
    private final WebSocketSessions webSockets;
    /** The server's HTTP/2 connections, or null when it speaks HTTP/1.1 only. */
    private final Http2Connections http2;

    /**
     * A handler serving HTTP/1.1, and HTTP/2 when {@code http2} is present.
     *
     * @param pipeline   the application: filters, handler, error model
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     * @param webSockets the server's WebSocket sessions, started and stopped with the server
     * @param http2      the server's HTTP/2 side, or empty for HTTP/1.1 only
     */
    public Http1ConnectionHandler(HttpPipeline pipeline, HttpLimits limits, String serverName,
                                  WebSocketSessions webSockets, Optional<Http2Connections> http2) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.http2 = http2.orElse(null);
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
        if (http2 != null && connection.tls().flatMap(TlsInfo::applicationProtocol).filter("h2"::equals).isPresent()) {
            http2.serve(connection, new byte[0]);
            return;
        }
        new Http1Connection(connection, pipeline, limits, parser, serverLine, webSockets, http2).run();
    }
}
