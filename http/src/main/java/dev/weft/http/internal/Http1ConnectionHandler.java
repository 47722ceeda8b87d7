package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpLimits;
import java.io.IOException;
import java.util.Objects;

/**
 * HTTP/1.1 as a core {@link ConnectionHandler}: one {@link Http1Connection} loop per
 * connection, on the connection's own virtual thread. The core engine closes the socket and
 * unregisters the client when the loop ends, however it ends.
 */
public final class Http1ConnectionHandler implements ConnectionHandler, ServerAware {

    private final HttpHandler handler;
    private final HttpLimits limits;
    private final RequestParser parser;
    private final byte[] serverLine;

    /**
     * @param handler    the application, usually a {@link dev.weft.http.Router}
     * @param limits     the request limits
     * @param serverName the value of the {@code Server} header
     */
    public Http1ConnectionHandler(HttpHandler handler, HttpLimits limits, String serverName) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.serverLine = ResponseWriter.serverLine(Objects.requireNonNull(serverName, "serverName"));
        this.parser = new RequestParser(limits);
    }

    /** Passes the news on to the application's handler, when it is {@link ServerAware}. */
    @Override
    public void serverStarted(ServerScope scope) {
        if (handler instanceof ServerAware aware) {
            aware.serverStarted(scope);
        }
    }

    /** Passes the news on to the application's handler, when it is {@link ServerAware}. */
    @Override
    public void serverStopping() {
        if (handler instanceof ServerAware aware) {
            aware.serverStopping();
        }
    }

    @Override
    public void handle(Connection connection) throws IOException {
        new Http1Connection(connection, handler, limits, parser, serverLine).run();
    }
}
