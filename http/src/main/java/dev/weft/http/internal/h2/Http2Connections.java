package dev.weft.http.internal.h2;

import dev.weft.core.Connection;
import dev.weft.http.Http2Config;
import dev.weft.http.Http2Metrics;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/2 side of one server: runs an {@link Http2Connection} on a core connection the
 * HTTP/1.1 loop hands over (prior knowledge, {@code Upgrade: h2c}) or that ALPN gave to
 * {@code h2}, keeps the live ones so that a stopping server can send each its {@code GOAWAY},
 * and holds the server's HTTP/2 counters.
 *
 * <p>Each connection runs on the core connection's own thread, its writer and stream threads
 * started through {@link Connection#startThread}: the server counts them and its stop awaits
 * them. Thread-safe.
 */
public final class Http2Connections {

    private static final Logger log = LoggerFactory.getLogger(Http2Connections.class);

    private final Http2Config config;
    private final HttpLimits limits;
    private final HttpPipeline pipeline;
    private final String serverName;
    private final H2Counters counters = new H2Counters();
    private final Set<Http2Connection> live = ConcurrentHashMap.newKeySet();
    /** When a graceful stop ends ({@link System#nanoTime()}), once one was asked; guarded by {@link #stopping}. */
    private volatile long stopDeadline;
    private volatile boolean stopping;

    /**
     * The HTTP/2 side of a server that has no connection yet.
     *
     * @param config     the HTTP/2 configuration
     * @param limits     the request limits shared with HTTP/1.1
     * @param pipeline   the application: filters, router, handler, error model
     * @param serverName the value of the {@code server} response field
     */
    public Http2Connections(Http2Config config, HttpLimits limits, HttpPipeline pipeline, String serverName) {
        this.config = Objects.requireNonNull(config, "config");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.serverName = Objects.requireNonNull(serverName, "serverName");
    }

    /**
     * Serves {@code connection} in HTTP/2 until it closes: after ALPN {@code h2} (nothing read
     * yet), or after the HTTP/1.1 loop recognised the client preface.
     *
     * @param connection  the connection, on its own thread
     * @param alreadyRead the bytes read from it so far (the preface and what followed), or none
     */
    public void serve(Connection connection, byte[] alreadyRead) {
        Http2Connection engine = engine(connection);
        try {
            engine.run(alreadyRead);
        } finally {
            live.remove(engine);
        }
    }

    /**
     * Serves {@code connection} in HTTP/2 after {@code 101 Switching Protocols} was written.
     *
     * @param connection  the connection, on its own thread
     * @param upgrade     the upgrade request, which becomes stream 1
     * @param alreadyRead the bytes read after the upgrade request (the client preface, or part)
     */
    public void serveUpgraded(Connection connection, H2cUpgrade upgrade, byte[] alreadyRead) {
        Http2Connection engine = engine(connection);
        try {
            engine.runUpgraded(upgrade, alreadyRead);
        } finally {
            live.remove(engine);
        }
    }

    /**
     * Answers a plaintext connection whose first bytes were neither the HTTP/2 preface nor an
     * HTTP/1.x request line with {@code GOAWAY PROTOCOL_ERROR} (RFC 9113 section 3.4: an invalid
     * preface is a connection error); counted as a connection error. The caller closes it.
     *
     * @param connection the connection, on its own thread
     */
    public void refuseInvalidPreface(Connection connection) {
        counters.connectionErrors.increment();
        log.debug("{} invalid HTTP/2 preface (and no HTTP/1.x request line)", connection);
        byte[] goAway = FrameEncoder.goAway(0, ErrorCode.PROTOCOL_ERROR);
        try {
            connection.write(goAway, 0, goAway.length);
        } catch (IOException e) {
            log.debug("{} GOAWAY not sent: {}", connection, e.toString());
        }
    }

    private Http2Connection engine(Connection connection) {
        Http2Connection engine = new Http2Connection(new ConnectionWire(connection), config, limits, pipeline,
                serverName, counters, connection.toString());
        live.add(engine);
        if (stopping) {
            engine.stop(Duration.ofNanos(Math.max(0, stopDeadline - System.nanoTime())));
        }
        return engine;
    }

    /** {@return whether a plaintext HTTP/1.1 request may switch to HTTP/2 by {@code Upgrade: h2c}} */
    public boolean upgrades() {
        return config.h2cUpgrade();
    }

    /**
     * Begins a graceful stop of every HTTP/2 connection, and of any that starts from now on:
     * {@code GOAWAY NO_ERROR} with the last stream id, new streams refused, open streams given
     * until {@code grace} has passed; each connection closes as soon as its streams are done.
     * Returns at once.
     *
     * @param grace how long open streams may go on
     */
    public void stop(Duration grace) {
        stopDeadline = System.nanoTime() + Math.max(0, grace.toNanos());
        stopping = true;
        for (Http2Connection engine : live) {
            engine.stop(grace);
        }
    }

    /** {@return a snapshot of the server's HTTP/2 counters and gauges} */
    public Http2Metrics metrics() {
        long openStreams = 0;
        long openConnections = 0;
        for (Http2Connection engine : live) {
            openConnections++;
            openStreams += engine.activeStreams();
        }
        return counters.snapshot(openConnections, openStreams);
    }
}
