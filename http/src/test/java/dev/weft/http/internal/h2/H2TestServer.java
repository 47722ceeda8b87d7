package dev.weft.http.internal.h2;

import dev.weft.http.Http2Config;
import dev.weft.http.Http2Metrics;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The real {@link HttpServer} on loopback, port 0, with HTTP/2 as {@code config} says: a client
 * starts HTTP/2 with the preface (prior knowledge) or by {@code Upgrade: h2c} on the same port as
 * HTTP/1.1. What the engine tests run against.
 */
final class H2TestServer implements AutoCloseable {

    private final HttpServer server;

    H2TestServer(Http2Config config, HttpHandler handler) throws IOException {
        this(config, HttpLimits.DEFAULTS, handler);
    }

    H2TestServer(Http2Config config, HttpLimits limits, HttpHandler handler) throws IOException {
        this(HttpServerConfig.builder().host("127.0.0.1").port(0).limits(limits).http2(config), handler);
    }

    H2TestServer(HttpServerConfig.Builder config, HttpHandler handler) throws IOException {
        this.server = new HttpServer(config.build(), handler).start();
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return server.uri(path);
    }

    /** The server under test. */
    HttpServer server() {
        return server;
    }

    /** The server's HTTP/2 counters now. */
    Http2Metrics metrics() {
        return server.http2Metrics();
    }

    /** The HTTP/2 connections open now. */
    long connectionCount() {
        return metrics().openConnections();
    }

    /** The streams in progress on all connections. */
    long activeStreams() {
        return metrics().openStreams();
    }

    /**
     * Stops the server with {@code grace} on a thread of its own — {@link HttpServer#stop} returns
     * only once every connection has closed — and returns that thread.
     */
    Thread stopInBackground(Duration grace) {
        return Thread.ofVirtual().name("h2-test-stop").start(() -> server.stop(grace));
    }

    @Override
    public void close() {
        server.stop(Duration.ZERO);
    }
}
