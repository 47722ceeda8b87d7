package dev.weft.loadtest.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12.1 as the second HTTP/2 contrast: an h2c connector (prior knowledge, as {@code h2load}
 * speaks it) in front of a blocking handler answering {@code GET /hello} with
 * {@link HelloResponse}'s status, headers and body. The thread pool runs blocking handlers on
 * virtual threads — one per request stream, the model Weft's HTTP/2 follows — while Jetty's
 * selector threads read and write the frames.
 */
final class JettyEngine implements Engine {

    private static final HttpField SERVER = new PreEncodedHttpField(HttpHeader.SERVER, HelloResponse.SERVER);
    private static final HttpField OK_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, HelloResponse.CONTENT_TYPE);
    private static final HttpField NOT_FOUND_TYPE =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, HelloResponse.NOT_FOUND_CONTENT_TYPE);
    private static final byte[] OK_BODY = HelloResponse.BODY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_FOUND_BODY = HelloResponse.NOT_FOUND_BODY.getBytes(StandardCharsets.US_ASCII);

    private final Server server;
    private final ServerConnector connector;

    private JettyEngine(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static JettyEngine start(EngineOptions options) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HTTP2CServerConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(0);
        connector.setAcceptQueueSize(4_096);
        server.addConnector(connector);
        server.setHandler(new Hello());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("Jetty did not start", e);
        }
        return new JettyEngine(server, connector);
    }

    /** {@code GET /hello}; any other path is a 404 with Weft's text body. */
    private static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            boolean hello = "/hello".equals(Request.getPathInContext(request));
            byte[] body = hello ? OK_BODY : NOT_FOUND_BODY;
            response.setStatus(hello ? HttpStatus.OK_200 : HttpStatus.NOT_FOUND_404);
            response.getHeaders().put(SERVER);
            response.getHeaders().put(hello ? OK_TYPE : NOT_FOUND_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.JETTY;
    }

    @Override
    public Map<Service, Integer> ports() {
        return Map.of(Service.H2C, connector.getLocalPort());
    }

    @Override
    public String transport() {
        return "java.nio selector threads for frames, a virtual thread per request stream";
    }

    @Override
    public String description() {
        return "Jetty " + Server.getVersion() + " h2c (HTTP2CServerConnectionFactory, prior knowledge), blocking handler";
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(JettyEngine.class).warn("Jetty did not stop cleanly", e);
        }
    }
}
