package dev.weft.loadtest.engine;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Helidon SE 4 WebServer ("Níma"): like Weft, one virtual thread per connection on blocking JDK
 * sockets, so the report shows Weft against both models. HTTP only ({@code GET /hello} with
 * the same status, headers and body as {@link HelloResponse}; Helidon writes its own
 * {@code Date} and orders headers its own way); it has no raw TCP server, so the echo
 * scenarios are "n/a". Configured as the other engines: {@code TCP_NODELAY}, a backlog of
 * 4,096, a 10-minute idle timeout (the idle step holds connections longer than the default) and
 * no cap on connections beyond the engines' common one.
 */
final class HelidonEngine implements Engine {

    private static final Header SERVER = HeaderValues.createCached(HeaderNames.SERVER, HelloResponse.SERVER);
    private static final Header OK_TYPE = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, HelloResponse.CONTENT_TYPE);
    private static final byte[] OK_BODY = HelloResponse.BODY.getBytes(StandardCharsets.US_ASCII);
    private static final Header NOT_FOUND_TYPE =
            HeaderValues.createCached(HeaderNames.CONTENT_TYPE, HelloResponse.NOT_FOUND_CONTENT_TYPE);
    private static final byte[] NOT_FOUND_BODY = HelloResponse.NOT_FOUND_BODY.getBytes(StandardCharsets.US_ASCII);

    /**
     * Helidon logs through {@code java.util.logging} at INFO on every start and stop; the load
     * test wants warnings only (as SLF4J is set for the other engines). Held here so the logger,
     * and with it the level, is not collected.
     */
    private static final java.util.logging.Logger HELIDON_LOG = quiet(java.util.logging.Logger.getLogger("io.helidon"));

    private final WebServer server;

    private HelidonEngine(WebServer server) {
        this.server = server;
    }

    static HelidonEngine start(EngineOptions options) {
        WebServer server = WebServer.builder()
                .host(options.host())
                .port(options.httpPort())
                .backlog(4_096)
                .maxTcpConnections(options.maxConnections())
                .idleConnectionTimeout(Duration.ofMinutes(10))
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .routing(routing -> routing
                        .get("/hello", HelidonEngine::hello)
                        .any(HelidonEngine::notFound))
                .build()
                .start();
        return new HelidonEngine(server);
    }

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static void hello(ServerRequest request, ServerResponse response) {
        response.header(SERVER).header(OK_TYPE).send(OK_BODY);
    }

    private static void notFound(ServerRequest request, ServerResponse response) {
        response.status(Status.NOT_FOUND_404).header(SERVER).header(NOT_FOUND_TYPE).send(NOT_FOUND_BODY);
    }

    @Override
    public EngineKind kind() {
        return EngineKind.HELIDON;
    }

    @Override
    public Map<Service, Integer> ports() {
        return Map.of(Service.HTTP, server.port());
    }

    @Override
    public String transport() {
        return "virtual thread per connection, blocking JDK sockets (JDK poller)";
    }

    @Override
    public String description() {
        return "Helidon SE " + io.helidon.common.Version.VERSION + " WebServer, HTTP/1.1; default settings except"
                + " TCP_NODELAY, backlog 4,096 and a 10-minute idle timeout";
    }

    @Override
    public void close() {
        server.stop();
    }
}
