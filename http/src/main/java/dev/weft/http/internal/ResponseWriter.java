package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes responses into the connection's {@link OutboundBuffer}: status line, {@code Server},
 * {@code Date}, the application's fields, the framing ({@code Content-Length} for every body of
 * known size, {@code Transfer-Encoding: chunked} for streams to HTTP/1.1 clients),
 * {@code Connection}, then the body — the file kind by zero-copy transfer. Constant header
 * bytes are encoded once; nothing is flushed here, the connection loop decides when.
 */
public final class ResponseWriter {

    private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] COLON = ascii(": ");

    private enum Framing { LENGTH, CHUNKED, NONE }

    /**
     * What the request asked of the response's shape.
     *
     * @param headOnly whether the request was {@code HEAD}: same headers, no body
     * @param http11   whether the client speaks HTTP/1.1 (chunked allowed, persistent by default)
     */
    private record Shape(boolean headOnly, boolean http11) {
        /** Before a head was parsed: an HTTP/1.1 client is assumed, and the body is sent. */
        static final Shape BEFORE_HEAD = new Shape(false, true);

        static Shape of(RequestHead head) {
            return new Shape(head.method() == Method.HEAD, head.http11());
        }
    }

    private final Connection connection;
    private final OutboundBuffer out;
    private final byte[] serverLine;
    /** What the last write did, for the exchange's completion (access log, JFR). */
    private Response lastResponse;
    private long lastBodyBytes;
    private boolean lastComplete;

    /**
     * A writer of one connection's responses.
     *
     * @param connection the connection written to (file bodies are sent on it directly)
     * @param out        the connection's outbound buffer
     * @param serverLine the encoded {@code Server} header line, shared by all connections
     */
    public ResponseWriter(Connection connection, OutboundBuffer out, byte[] serverLine) {
        this.connection = connection;
        this.out = out;
        this.serverLine = serverLine;
    }

    /**
     * {@return the encoded {@code Server: name} header line}
     *
     * @param serverName the server's name
     */
    public static byte[] serverLine(String serverName) {
        return ascii("Server: " + serverName + "\r\n");
    }

    /**
     * Writes the response to the request whose head is {@code head}. A {@code 101} for a WebSocket
     * upgrade is written as its head alone, and the connection carries no further request.
     *
     * @param response the response
     * @param head     the request's head (its method and version shape the response)
     * @param wanted   whether the connection should stay open afterwards
     * @return whether the connection can still carry another request
     * @throws IOException when the connection fails
     */
    public Persistence write(Response response, RequestHead head, Persistence wanted) throws IOException {
        return Persistence.of(write(response, Shape.of(head), wanted == Persistence.KEEP_ALIVE));
    }

    /**
     * Writes the response to a request refused before its head could be parsed; the connection
     * closes.
     *
     * @param response the refusal
     * @throws IOException when the connection fails
     */
    public void writeRejection(Response response) throws IOException {
        write(response, Shape.BEFORE_HEAD, false);
    }

    /**
     * The response the last write sent: the one given, unless its file had vanished and a 404 went
     * instead.
     *
     * @return the response written last
     */
    public Response lastResponse() {
        return lastResponse;
    }

    /**
     * How many body bytes the last write sent (0 for {@code HEAD}).
     *
     * @return the body bytes
     */
    public long lastBodyBytes() {
        return lastBodyBytes;
    }

    /**
     * Whether the last write sent the whole response; false when a streamed body failed or a file
     * shrank, or when the write is still in progress or threw.
     *
     * @return whether it completed
     */
    public boolean lastComplete() {
        return lastComplete;
    }

    private boolean write(Response response, Shape shape, boolean keepAlive) throws IOException {
        lastResponse = response;
        lastBodyBytes = 0;
        lastComplete = false;
        Status status = response.status();
        boolean persistent = switch (response.body()) {
            case Response.Empty empty -> {
                head(status, response.headers(), status.forbidsBody() ? Framing.NONE : Framing.LENGTH, 0,
                        shape, keepAlive);
                lastComplete = true;
                yield keepAlive;
            }
            case Response.Bytes bytes -> {
                head(status, response.headers(), Framing.LENGTH, bytes.bytes().length, shape, keepAlive);
                if (!shape.headOnly()) {
                    out.write(bytes.bytes());
                    lastBodyBytes = bytes.bytes().length;
                }
                lastComplete = true;
                yield keepAlive;
            }
            case Response.Stream stream -> writeStream(response, stream, shape, keepAlive);
            case Response.FileRegion file -> writeFile(response, file, shape, keepAlive);
            case Response.WebSocketUpgrade upgrade -> {
                // The handshake's own "Connection: Upgrade" is in the headers: no framing, and no
                // Connection field of the server's, whatever the loop wanted.
                head(status, response.headers(), Framing.NONE, 0, shape, true);
                lastComplete = true;
                yield false;
            }
        };
        return persistent;
    }

    private boolean writeStream(Response response, Response.Stream stream, Shape shape, boolean keepAlive)
            throws IOException {
        if (shape.headOnly()) {
            head(response.status(), response.headers(), Framing.NONE, 0, shape, keepAlive);
            lastComplete = true;
            return keepAlive;
        }
        boolean persistent = keepAlive && shape.http11();
        head(response.status(), response.headers(), shape.http11() ? Framing.CHUNKED : Framing.NONE, 0, shape,
                persistent);
        ChunkedOutputStream body = new ChunkedOutputStream(out, shape.http11() ? ChunkedOutputStream.Coding.CHUNKED
                : ChunkedOutputStream.Coding.IDENTITY);
        try {
            stream.writer().writeTo(body);
        } catch (IOException e) {
            log.debug("{} response body not sent: {}", connection, e.toString());
            return false;
        } catch (RuntimeException e) {
            log.error("{} response body writer failed; cutting the response short", connection, e);
            return false;
        } finally {
            lastBodyBytes = body.payloadBytes();
        }
        body.finish();
        lastComplete = true;
        return persistent;
    }

    private boolean writeFile(Response response, Response.FileRegion file, Shape shape, boolean keepAlive)
            throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException | AccessDeniedException e) {
            log.debug("{} file vanished before it was sent: {}", connection, e.toString());
            return write(Response.text(Status.NOT_FOUND_404, "Not Found\n"), shape, keepAlive);
        }
        try (channel) {
            head(response.status(), response.headers(), Framing.LENGTH, file.length(), shape, keepAlive);
            if (shape.headOnly() || file.length() == 0) {
                lastComplete = true;
                return keepAlive;
            }
            out.flush();
            long sent = connection.transferFrom(channel, file.position(), file.length());
            lastBodyBytes = sent;
            if (sent != file.length()) {
                log.warn("{} {} shrank while being sent ({} of {} bytes): closing", connection,
                        file.path(), sent, file.length());
                return false;
            }
            lastComplete = true;
            return keepAlive;
        }
    }

    private void head(Status status, Headers headers, Framing framing, long length, Shape shape,
                      boolean keepAlive) throws IOException {
        out.write(StatusLines.of(status));
        out.write(serverLine);
        out.write(HttpDate.dateHeaderLine());
        byte[] block = headers.isEmpty() ? null : HeaderBlocks.encodedIfRepeated(headers);
        if (block != null) {
            out.write(block);
        } else {
            for (int i = 0; i < headers.size(); i++) {
                out.writeLatin1(headers.name(i));
                out.write(COLON);
                out.writeLatin1(headers.value(i));
                out.writeCrlf();
            }
        }
        switch (framing) {
            case LENGTH -> {
                out.write(CONTENT_LENGTH);
                out.writeDecimal(length);
                out.writeCrlf();
            }
            case CHUNKED -> out.write(CHUNKED);
            case NONE -> {
                // 1xx, 204, 304, or a body delimited by closing the connection.
            }
        }
        if (!keepAlive) {
            out.write(CLOSE);
        } else if (!shape.http11()) {
            out.write(KEEP_ALIVE);
        }
        out.writeCrlf();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
