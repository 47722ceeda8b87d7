package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.tls.TlsInfo;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
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
    /** The server's HTTP/2 connections, or null when it speaks HTTP/1.1 only. */
    private final Http2Connections http2;

    /**
     * A handler serving HTTP/1.1, and HTTP/2 when {@code http2} is present.
     *
     * @param pipeline   the application: filters, handler, error model
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     * @param http2      the server's HTTP/2 side, or empty for HTTP/1.1 only
     */
    public Http1ConnectionHandler(HttpPipeline pipeline, HttpLimits limits, String serverName,
                                  Optional<Http2Connections> http2) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.http2 = http2.orElse(null);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.serverLine = ResponseWriter.serverLine(Objects.requireNonNull(serverName, "serverName"));
        this.parser = new RequestParser(limits);
    }

    /** Passes the news on to the pipeline, and through it to the handler and filters. */
    @Override
    public void serverStarted(ServerScope scope) {
        pipeline.serverStarted(scope);
    }

    /** Passes the news on to the pipeline, and through it to the handler and filters. */
    @Override
    public void serverStopping() {
        pipeline.serverStopping();
    }

    /**
     * A handler for HTTP/1.1 only.
     *
     * @param pipeline   the application: filters, handler, error model
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     */
    public Http1ConnectionHandler(HttpPipeline pipeline, HttpLimits limits, String serverName) {
        this(pipeline, limits, serverName, Optional.empty());
    }

    @Override
    public void handle(Connection connection) throws IOException {
        if (http2 != null && connection.tls().flatMap(TlsInfo::applicationProtocol).filter("h2"::equals).isPresent()) {
            http2.serve(connection, new byte[0]);
            return;
        }
        new Http1Connection(connection, pipeline, limits, parser, serverLine, http2).run();
    }
}
