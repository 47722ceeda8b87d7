package dev.weft.http;

import dev.weft.http.internal.JsonCodecs;
import dev.weft.http.internal.websocket.HandshakeOutcome;
import dev.weft.http.internal.websocket.WebSocketSessions;
import dev.weft.http.json.JsonCodec;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An HTTP response: status, header fields and a body.
 *
 * <p>The server adds the framing itself — {@code Content-Length} for every body of known size,
 * {@code Transfer-Encoding: chunked} for a {@link Stream} body to an HTTP/1.1 client, DATA frames
 * ended by {@code END_STREAM} on HTTP/2 (with {@code content-length} when known, field names
 * lower-cased, connection-specific fields dropped) — plus {@code Date}, {@code Server} and
 * {@code Connection} (HTTP/1.x), so an application must not set
 * {@code Content-Length} or {@code Transfer-Encoding} (the constructor refuses them). For
 * {@code HEAD} the server sends the same headers as for {@code GET} without the body.
 *
 * @param status  the status
 * @param headers the application's header fields, such as {@code Content-Type}
 * @param body    the body; {@link Empty} for none
 */
public record Response(Status status, Headers headers, Body body) {

    /** {@code text/plain; charset=utf-8}, the type of text responses. */
    public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
    /** {@code application/json}, the type of JSON responses (JSON is UTF-8 by definition). */
    public static final String APPLICATION_JSON = "application/json";

    /** Checks framing rules: no body where the status forbids one, no framing headers. */
    public Response {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if ((body instanceof WebSocketUpgrade) != (status.code() == Status.SWITCHING_PROTOCOLS_101.code())) {
            throw new IllegalArgumentException("101 goes with a WebSocketUpgrade body and only with it: " + status);
        }
        if (status.forbidsBody() && !(body instanceof Empty || body instanceof WebSocketUpgrade)) {
            throw new IllegalArgumentException(status + " must not have a body");
        }
        if (headers.contains("Content-Length") || headers.contains("Transfer-Encoding")) {
            throw new IllegalArgumentException(
                    "Content-Length and Transfer-Encoding are set by the server, not by the response");
        }
    }

    /**
     * {@code 200} with a UTF-8 {@code text/plain} body.
     *
     * @param text the body
     * @return the response
     */
    public static Response ok(String text) {
        return text(Status.OK_200, text);
    }

    /**
     * {@code status} with a UTF-8 {@code text/plain} body.
     *
     * @param status the status
     * @param text   the body
     * @return the response
     */
    public static Response text(Status status, String text) {
        return bytes(status, TEXT_PLAIN_UTF8, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code 200} with {@code value} as JSON, encoded by the {@link JsonCodec} of the pipeline
     * running this handler, or else the one installed (the {@code weft-jackson} module).
     *
     * @param value the value; a record, list, map, string, number…
     * @return the response
     * @throws IllegalStateException when there is no JSON codec (a 500, with the module to add in
     *     the log)
     */
    public static Response json(Object value) {
        return json(Status.OK_200, value);
    }

    /**
     * {@code status} with {@code value} as JSON (see {@link #json(Object)}). A string is encoded
     * as a JSON string; for JSON text already written, use {@link #rawJson(Status, String)}.
     *
     * @param status the status
     * @param value  the value
     * @return the response
     * @throws IllegalStateException when there is no JSON codec
     */
    public static Response json(Status status, Object value) {
        return bytes(status, APPLICATION_JSON, JsonCodecs.current().encode(value));
    }

    /**
     * {@code status} with {@code value} as JSON written while the response is sent, chunked: the
     * codec writes straight to the connection, so a large document (a long list, say) is never
     * held in memory whole. The codec is the one {@link #json(Object)} would use, chosen now. A
     * value the codec cannot write fails half-way through the body — the status is already sent —
     * and the connection is closed; {@link #json(Status, Object)} suits small documents better
     * (a {@code Content-Length}, and a 500 for such a value).
     *
     * @param status the status
     * @param value  the value: a list, an {@link Iterable} or {@link java.util.Iterator}, a record…
     * @return the response
     * @throws IllegalStateException when there is no JSON codec
     */
    public static Response jsonStream(Status status, Object value) {
        JsonCodec codec = JsonCodecs.current();
        return stream(status, APPLICATION_JSON, out -> codec.encode(value, out));
    }

    /**
     * {@code status} with JSON text the caller wrote, sent as it is.
     *
     * @param status the status
     * @param json   the JSON text; the caller escapes what it puts in it
     * @return the response
     */
    public static Response rawJson(Status status, String json) {
        return bytes(status, APPLICATION_JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code status} with the given bytes as body; the array is not copied, so it must not
     * change afterwards (which makes a constant body free to send).
     *
     * @param status      the status
     * @param contentType the body's {@code Content-Type}
     * @param body        the body; not copied
     * @return the response
     */
    public static Response bytes(Status status, String contentType, byte[] body) {
        return new Response(status, Headers.of("Content-Type", contentType), new Bytes(body));
    }

    /**
     * {@code status} without a body ({@code Content-Length: 0} where the status allows one).
     *
     * @param status the status
     * @return the response
     */
    public static Response of(Status status) {
        return new Response(status, Headers.EMPTY, Empty.INSTANCE);
    }

    /**
     * {@code status} with a body of unknown length that {@code writer} produces, sent chunked.
     *
     * @param status      the status
     * @param contentType the body's {@code Content-Type}
     * @param writer      writes the body while the response is sent (see {@link Stream})
     * @return the response
     */
    public static Response stream(Status status, String contentType, BodyWriter writer) {
        return new Response(status, Headers.of("Content-Type", contentType), new Stream(writer));
    }

    /**
     * {@code status} with {@code length} bytes of the file at {@code path} from {@code position}
     * as body, sent without copying through the heap ({@code sendfile}).
     *
     * @param status      the status
     * @param contentType the body's {@code Content-Type}
     * @param path        the file
     * @param position    the first byte to send
     * @param length      how many bytes to send
     * @return the response
     */
    public static Response file(Status status, String contentType, Path path, long position, long length) {
        return new Response(status, Headers.of("Content-Type", contentType),
                new FileRegion(path, position, length));
    }

    /**
     * The answer to a WebSocket opening handshake (RFC 6455 section 4.2): {@code 101 Switching
     * Protocols}, after which the connection runs {@code endpoint}, when {@code request} is a
     * valid handshake that {@code config} allows; otherwise the HTTP error the handshake calls
     * for — 405 (not {@code GET}), 400 (not HTTP/1.1, no {@code Connection: upgrade}, a body, a
     * bad {@code Sec-WebSocket-Key}), 426 (no {@code Upgrade: websocket}, or a version other than
     * 13) or 403 (an {@code Origin} the {@linkplain WebSocketConfig#origins() policy} refuses).
     * {@link Route#websocket(String, WebSocketConfig, WebSocketEndpoint)} answers with this; a
     * handler may call it itself, after checks of its own.
     *
     * @param request  the handshake request
     * @param config   limits, origins, subprotocols, compression
     * @param endpoint what runs on the connection once it speaks WebSocket
     * @return the {@code 101}, or the error
     */
    public static Response webSocket(Request request, WebSocketConfig config, WebSocketEndpoint endpoint) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(endpoint, "endpoint");
        return switch (WebSocketSessions.handshake(request, config)) {
            case HandshakeOutcome.Rejected rejected -> rejected.response();
            case HandshakeOutcome.Accepted accepted -> new Response(Status.SWITCHING_PROTOCOLS_101,
                    accepted.responseHeaders(), new WebSocketUpgrade(config, endpoint));
        };
    }

    /**
     * A copy with one more header field.
     *
     * @param name  the field name
     * @param value the field value
     * @return the copy
     */
    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body);
    }

    /**
     * A copy with a {@code Set-Cookie} field for {@code cookie}.
     *
     * @param cookie the cookie
     * @return the copy
     */
    public Response withCookie(Cookie cookie) {
        return withHeader("Set-Cookie", cookie.headerValue());
    }

    /**
     * A copy with another status.
     *
     * @param newStatus the status
     * @return the copy
     */
    public Response withStatus(Status newStatus) {
        return new Response(newStatus, headers, body);
    }

    /** The body of a response: a closed set of shapes the server knows how to frame. */
    public sealed interface Body permits Empty, Bytes, Stream, FileRegion, WebSocketUpgrade {
    }

    /** No body. */
    public record Empty() implements Body {
        /** The one instance. */
        public static final Empty INSTANCE = new Empty();
    }

    /**
     * A body held in memory, sent with {@code Content-Length}.
     *
     * @param bytes the body; not copied
     */
    public record Bytes(byte[] bytes) implements Body {
        /** Checks the array is present. */
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * A body the handler writes while the response is sent, of unknown length: chunked to an
     * HTTP/1.1 client, delimited by closing the connection for HTTP/1.0, DATA frames on HTTP/2
     * (a write waits while the client's flow-control window is closed). Runs on the
     * connection's (on HTTP/2 the stream's) thread after the handler returned; if it throws, the
     * response is cut short and the connection closed (on HTTP/2 the stream reset with
     * {@code INTERNAL_ERROR}; the status line is already sent).
     *
     * @param writer writes the body
     */
    public record Stream(BodyWriter writer) implements Body {
        /** Checks the writer is present. */
        public Stream {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /**
     * A region of a file, sent with {@code Content-Length} by {@code FileChannel.transferTo}.
     * The file is opened when the response is written; if it is gone by then, the client gets
     * {@code 404} instead.
     *
     * @param path     the file
     * @param position the first byte to send
     * @param length   the number of bytes to send
     */
    public record FileRegion(Path path, long position, long length) implements Body {
        /** Checks the region is well-formed. */
        public FileRegion {
            Objects.requireNonNull(path, "path");
            if (position < 0 || length < 0) {
                throw new IllegalArgumentException("position and length must be >= 0: " + position + ", " + length);
            }
        }
    }

    /**
     * No body: the connection switches to WebSocket after this {@code 101} response. The HTTP/1.1
     * loop writes the {@code 101} (with no framing or {@code Connection} field of its own), tells
     * the pipeline it was sent (the access log sees it), and runs {@link #endpoint()} on the
     * connection's own thread; the connection closes when the session ends. Made only by
     * {@link Response#webSocket(Request, WebSocketConfig, WebSocketEndpoint)}, after a valid
     * handshake; filters may add header fields to the response, not change its status.
     */
    public static final class WebSocketUpgrade implements Body {
        private final WebSocketConfig config;
        private final WebSocketEndpoint endpoint;

        private WebSocketUpgrade(WebSocketConfig config, WebSocketEndpoint endpoint) {
            this.config = config;
            this.endpoint = endpoint;
        }

        /**
         * The session's configuration.
         *
         * @return the configuration
         */
        public WebSocketConfig config() {
            return config;
        }

        /**
         * What runs on the connection.
         *
         * @return the endpoint
         */
        public WebSocketEndpoint endpoint() {
            return endpoint;
        }

        @Override
        public String toString() {
            return "WebSocketUpgrade[" + endpoint + "]";
        }
    }

    /** Writes a {@link Stream} body. */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the body to {@code out}; closing {@code out} is allowed but not needed.
         *
         * @param out the body stream; writes are buffered and flushed by the server
         * @throws IOException when writing fails, usually because the client went away; the
         *     response is then cut short and the connection closed
         */
        void writeTo(OutputStream out) throws IOException;
    }
}
