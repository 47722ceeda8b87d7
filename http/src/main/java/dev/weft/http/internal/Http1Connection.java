package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.core.internal.TlsOnPlaintextPortException;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.Request;
import dev.weft.http.RequestContext;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.websocket.WebSocketSessions;
import dev.weft.http.internal.h2.H2cUpgrade;
import dev.weft.http.internal.h2.Http2Connections;
import dev.weft.http.internal.h2.Preface;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request loop of one connection: read a head, build the request, run it through the
 * {@link HttpPipeline} (filters, routing, handler, error model), write the response, tell the
 * pipeline it was sent, and again while the connection is persistent. A head the parser refuses
 * goes through the same pipeline (its filters see what could be read of it), then the connection
 * is closed.
 *
 * <p>Timeouts by phase, applied as the connection's read timeout (which the core engine
 * enforces from its watchdog, with no timer per read): waiting for the first byte of a request
 * uses the idle timeout (and the connection is marked {@linkplain Connection#idle(boolean) idle},
 * so a stopping server closes it at once); from that byte on, the whole head must arrive before
 * the header deadline — each read waits at most the time left, and a head still incomplete at
 * the deadline is answered 408; body reads use the body read timeout. A read that times out has
 * its connection closed by the engine. Responses are flushed only when the loop
 * would otherwise block, so pipelined requests are answered in one write.
 *
 * <p>On a plaintext connection the first two bytes are checked before any parsing: a TLS
 * ClientHello ({@code 0x16 0x03}, a client speaking {@code https://} to this {@code http} port)
 * ends the connection with a {@link TlsOnPlaintextPortException}, which the engine counts and
 * logs at DEBUG — no 400, no parse error.
 *
 * <p>A {@code 101} for a WebSocket upgrade ends the loop: once the pipeline has been told it was
 * sent, the connection, with the bytes already read past the head, goes to the WebSocket session
 * on this same thread until the session ends.
 *
 * <p>With HTTP/2 on, a plaintext connection whose first bytes are the HTTP/2 client preface
 * (prior knowledge) is handed to {@link Http2Connections} before any head is parsed — the first
 * byte that differs from the preface ('G' of {@code GET}) decides for HTTP/1.1 at once — and so
 * is one whose request asks for {@code Upgrade: h2c}, after {@code 101 Switching Protocols}.
 */
final class Http1Connection {

    private static final Logger log = LoggerFactory.getLogger(Http1Connection.class);
    /** The most unread body bytes dropped to keep a connection alive; more closes it instead. */
    private static final long MAX_DISCARD_BYTES = 64 * 1024;
    /** How long a connection closed on an error drains the client's input before closing. */
    private static final Duration LINGER = Duration.ofSeconds(1);

    private final Connection connection;
    private final HttpPipeline pipeline;
    private final HttpLimits limits;
    private final RequestParser parser;
    private final HeadScanner scanner;
    private final OutboundBuffer out;
    private final InboundBuffer in;
    private final ResponseWriter writer;
    private final BodyInput.BodyContext bodies;
    private final WebSocketSessions webSockets;
    /** The server's HTTP/2 side, or null when it speaks HTTP/1.1 only. */
    private final Http2Connections http2;
    private int served;
    private boolean unreadInput;
    /** Whether the connection started with the HTTP/2 preface (then {@link #readHead} returned null). */
    private boolean priorKnowledge;

    Http1Connection(Connection connection, HttpPipeline pipeline, HttpLimits limits, RequestParser parser,
                    byte[] serverLine, WebSocketSessions webSockets, Http2Connections http2) {
        this.connection = connection;
        this.http2 = http2;
        this.pipeline = pipeline;
        this.limits = limits;
        this.parser = parser;
        this.scanner = new HeadScanner(limits);
        this.out = new OutboundBuffer(connection);
        this.in = new InboundBuffer(connection, out, inboundBufferBytes(limits));
        this.writer = new ResponseWriter(connection, out, serverLine);
        this.bodies = new BodyInput.BodyContext(in, out, limits.bodyReadTimeout());
        this.webSockets = webSockets;
    }

    /**
     * The most bytes the connection's input buffer may hold: a whole head, or a whole line of a
     * chunked body (a chunk-size line, or a trailer line, which the header limit bounds) — each is
     * buffered complete before it is parsed, and a buffer smaller than the longest allowed line
     * would fail to hold a valid one.
     */
    static int inboundBufferBytes(HttpLimits limits) {
        return Math.max(HeadScanner.maxHeadBytes(limits), ChunkedBody.MAX_CHUNK_LINE_BYTES);
    }

    /** Serves requests until the connection is to be closed; the caller closes it. */
    void run() throws IOException {
        while (true) {
            RequestHead head;
            try {
                head = readHead();
            } catch (HttpException e) {
                if (failedHttp2Start()) {
                    http2.refuseInvalidPreface(connection);
                    lingeringClose();
                    return;
                }
                log.debug("{} bad request: {} {}", connection, e.status().code(), e.getMessage());
                refuse(e);
                lingeringClose();
                return;
            }
            if (head == null) {
                if (priorKnowledge) {
                    http2.serve(connection, takeBuffered());
                    return;
                }
                out.flush();
                return;
            }
            if (!serve(head)) {
                if (unreadInput) {
                    lingeringClose();
                } else {
                    out.flush();
                }
                return;
            }
        }
    }

    /**
     * Whether a head the parser refused is the first of a plaintext connection, with HTTP/2 on,
     * and no HTTP/1.x request line at all ({@link Preface#failedStart}): an invalid HTTP/2 preface.
     */
    private boolean failedHttp2Start() {
        return served == 0 && http2 != null && connection.tls().isEmpty()
                && Preface.failedStart(in.bytes(), in.position(), in.buffered());
    }

    /** Answers a head the parser refused, through the pipeline, with {@code Connection: close}. */
    private void refuse(HttpException refusal) throws IOException {
        Request request = RefusedHead.salvage(in.bytes(), in.position(), in.limit(), limits.maxHeaderCount(),
                connection.remoteAddress(), new RequestContext(connection.tls()));
        Response response = pipeline.refuse(request, refusal);
        try {
            writer.writeRejection(response);
        } finally {
            pipeline.completed(request, writer.lastResponse(), writer.lastBodyBytes(), writer.lastComplete());
        }
    }

    /**
     * Sends what is pending, half-closes, and reads and drops what the client still sends for a
     * short while: closing a socket with unread input makes the kernel reset the connection,
     * and the client may then lose the error response before reading it.
     */
    private void lingeringClose() {
        try {
            out.flush();
            connection.shutdownOutput();
            long deadline = System.nanoTime() + LINGER.toNanos();
            byte[] scratch = new byte[BodyInput.DIRECT_READ_BYTES];
            long dropped = 0;
            while (dropped < MAX_DISCARD_BYTES) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                connection.readTimeout(Duration.ofNanos(remaining));
                int n = connection.read(scratch, 0, scratch.length);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            log.debug("{} lingering close ended: {}", connection, e.toString());
        }
    }

    /** Reads and parses the next head; null when the peer closed or the server stops between requests. */
    private RequestHead readHead() throws IOException {
        scanner.reset();
        in.shrink();
        long headerDeadline = in.buffered() > 0 ? System.nanoTime() + limits.headerTimeout().toNanos() : 0;
        while (!scanner.scan(in.bytes(), in.position(), in.limit())) {
            if (in.buffered() == 0) {
                if (!awaitFirstByte()) {
                    return null;
                }
                if (served == 0) {
                    refuseTlsHandshake();
                }
                headerDeadline = System.nanoTime() + limits.headerTimeout().toNanos();
                if (served == 0 && http2 != null && startsWithPreface(headerDeadline)) {
                    priorKnowledge = true;
                    return null;
                }
                continue;
            }
            long remaining = headerDeadline - System.nanoTime();
            if (remaining <= 0) {
                throw headerTimeout();
            }
            if (in.fill(Duration.ofNanos(remaining)) < 0) {
                throw new EOFException("connection closed in the middle of a request head");
            }
        }
        RequestHead head = parser.parse(in.bytes(), in.position(), scanner);
        in.consume(scanner.headLength());
        return head;
    }

    /**
     * Waits, idle, for the first byte of the next request.
     *
     * @return false when there is none: the peer closed or the server is stopping
     * @throws java.net.SocketTimeoutException after the idle timeout
     */
    private boolean awaitFirstByte() throws IOException {
        if (connection.stopRequested()) {
            return false;
        }
        out.flush();
        out.release();
        if (!connection.idle(true)) {
            return false;
        }
        in.awaitReadable(limits.idleTimeout()); // parks holding no read buffer where the engine allows
        int n = in.fill(limits.idleTimeout());
        return connection.idle(false) && n > 0;
    }

    /**
     * Throws when the connection's first bytes are a TLS handshake record on a plaintext
     * connection (the engine then counts and closes it); reads a second byte when only the first
     * has come.
     */
    private void refuseTlsHandshake() throws IOException {
        if (connection.tls().isPresent() || !TlsOnPlaintextPortException.mayStartTlsRecord(in.bytes()[in.position()])) {
            return;
        }
        if (in.buffered() < 2 && in.fill(limits.headerTimeout()) < 0) {
            return; // one byte then the end: the head loop reports the cut-short request
        }
        if (TlsOnPlaintextPortException.startsTlsRecord(in.bytes()[in.position()], in.bytes()[in.position() + 1])) {
            throw new TlsOnPlaintextPortException("its first bytes are a TLS ClientHello: the client wants https://");
        }
    }

    /**
     * Whether a plaintext connection starts with the HTTP/2 client preface: reads until its
     * first bytes match all of it or differ from it, within the header deadline.
     */
    private boolean startsWithPreface(long headerDeadline) throws IOException {
        if (connection.tls().isPresent()) {
            return false;
        }
        while (true) {
            switch (Preface.match(in.bytes(), in.position(), in.buffered())) {
                case PREFACE -> {
                    return true;
                }
                case NOT_PREFACE -> {
                    return false;
                }
                case NEED_MORE -> {
                    long remaining = headerDeadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw headerTimeout();
                    }
                    if (in.fill(Duration.ofNanos(remaining)) < 0) {
                        return false; // cut short: the head loop reports the incomplete request
                    }
                }
            }
        }
    }

    /** The bytes read and not yet parsed, handed over to HTTP/2; the buffers are given back. */
    private byte[] takeBuffered() throws IOException {
        out.flush();
        out.release();
        byte[] buffered = Arrays.copyOfRange(in.bytes(), in.position(), in.limit());
        in.consume(buffered.length);
        in.shrink();
        return buffered;
    }

    /**
     * Switches the connection to HTTP/2 when the request asks for it with {@code Upgrade: h2c}
     * and the server allows it ({@link dev.weft.http.Http2Config#h2cUpgrade()}): cleartext only,
     * and only a request without a body (as Netty and Jetty do: a body would have to be read
     * whole before the switch) — {@code 101 Switching Protocols}, then the request is answered as
     * stream 1.
     *
     * @return whether the connection was switched (and has now ended); false to serve the request
     *     over HTTP/1.1, as if it had not asked
     */
    private boolean switchedToHttp2(RequestHead head, BodyInput body) throws IOException {
        if (!http2.upgrades() || connection.tls().isPresent() || body != null
                || !H2cUpgrade.requested(head.headers())) {
            return false;
        }
        Optional<H2cUpgrade> upgrade = H2cUpgrade.of(head.method().name(), head.target(), head.headers());
        if (upgrade.isEmpty()) {
            return false;
        }
        out.write(H2cUpgrade.SWITCHING_PROTOCOLS);
        http2.serveUpgraded(connection, upgrade.get(), takeBuffered());
        return true;
    }

    private HttpException headerTimeout() {
        return new HttpException(Status.REQUEST_TIMEOUT_408,
                "request header not received within " + limits.headerTimeout());
    }

    /** Handles one request; returns whether the connection stays open. */
    private boolean serve(RequestHead head) throws IOException {
        served++;
        BodyInput body = body(head);
        if (http2 != null && switchedToHttp2(head, body)) {
            unreadInput = false;
            return false;
        }
        Request request = new Request(head.method(), head.target(), head.path(), head.rawQuery(),
                head.version(), head.headers(), Map.of(), body == null ? NoBody.INSTANCE : body,
                connection.remoteAddress(), new RequestContext(connection.tls()));
        Response response = pipeline.handle(request);
        if (response.body() instanceof Response.WebSocketUpgrade upgrade && body == null) {
            switchToWebSocket(request, head, response, upgrade);
            return false;
        }
        boolean bodyConsumed = body == null || body.discardRemaining(MAX_DISCARD_BYTES);
        unreadInput = !bodyConsumed || in.buffered() > 0;
        boolean keepAlive = head.keepAlive() && served < limits.maxRequestsPerConnection()
                && !connection.stopRequested() && bodyConsumed;
        try {
            return writer.write(response, head, Persistence.of(keepAlive)) == Persistence.KEEP_ALIVE;
        } finally {
            pipeline.completed(request, writer.lastResponse(), writer.lastBodyBytes(), writer.lastComplete());
        }
    }

    /**
     * Writes the {@code 101}, tells the pipeline it was sent, and runs the WebSocket session on
     * this thread with the bytes the client sent behind the head; the connection closes after.
     */
    private void switchToWebSocket(Request request, RequestHead head, Response response,
                                   Response.WebSocketUpgrade upgrade) throws IOException {
        try {
            writer.write(response, head, Persistence.KEEP_ALIVE);
            out.flush();
        } finally {
            pipeline.completed(request, writer.lastResponse(), writer.lastBodyBytes(), writer.lastComplete());
        }
        byte[] alreadyRead = in.takeRemaining();
        out.release();
        webSockets.serve(connection, alreadyRead, request, response.headers(), upgrade.config(), upgrade.endpoint());
    }

    private BodyInput body(RequestHead head) {
        if (head.chunked()) {
            return new ChunkedBody(bodies, head.expectContinue(), limits.maxBodyBytes(), limits.maxHeaderBytes());
        }
        if (head.contentLength() > 0) {
            return new FixedLengthBody(bodies, head.expectContinue(), head.contentLength());
        }
        return null;
    }
}
