package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
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

    /**
     * @param pipeline   the application: filters, handler, error model
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     */
    public Http1ConnectionHandler(HttpPipeline pipeline, HttpLimits limits, String serverName) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
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

    @Override
    public void handle(Connection connection) throws IOException {
        new Http1Connection(connection, pipeline, limits, parser, serverLine).run();
    }
}
