package dev.weft.http.internal;

import dev.weft.core.Connection;
import dev.weft.http.Headers;
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

    private final Connection connection;
    private final OutboundBuffer out;
    private final byte[] serverLine;

    /**
     * @param serverLine the encoded {@code Server} header line, shared by all connections
     */
    public ResponseWriter(Connection connection, OutboundBuffer out, byte[] serverLine) {
        this.connection = connection;
        this.out = out;
        this.serverLine = serverLine;
    }

    /** The encoded {@code Server: name} header line. */
    public static byte[] serverLine(String serverName) {
        return ascii("Server: " + serverName + "\r\n");
    }

    /**
     * Writes {@code response}.
     *
     * @param headRequest whether the request was {@code HEAD}: same headers, no body
     * @param http11      whether the client speaks HTTP/1.1 (chunked allowed)
     * @param keepAlive   whether the connection stays open afterwards
     * @return whether the connection can still carry another request
     */
    public boolean write(Response response, boolean headRequest, boolean http11, boolean keepAlive)
            throws IOException {
        Status status = response.status();
        return switch (response.body()) {
            case Response.Empty empty -> {
                head(status, response.headers(), status.forbidsBody() ? Framing.NONE : Framing.LENGTH, 0,
                        http11, keepAlive);
                yield keepAlive;
            }
            case Response.Bytes bytes -> {
                head(status, response.headers(), Framing.LENGTH, bytes.bytes().length, http11, keepAlive);
                if (!headRequest) {
                    out.write(bytes.bytes());
                }
                yield keepAlive;
            }
            case Response.Stream stream -> writeStream(response, stream, headRequest, http11, keepAlive);
            case Response.FileRegion file -> writeFile(response, file, headRequest, http11, keepAlive);
        };
    }

    private boolean writeStream(Response response, Response.Stream stream, boolean headRequest,
                                boolean http11, boolean keepAlive) throws IOException {
        if (headRequest) {
            head(response.status(), response.headers(), Framing.NONE, 0, http11, keepAlive);
            return keepAlive;
        }
        boolean persistent = keepAlive && http11;
        head(response.status(), response.headers(), http11 ? Framing.CHUNKED : Framing.NONE, 0, http11, persistent);
        ChunkedOutputStream body = new ChunkedOutputStream(out, http11);
        try {
            stream.writer().writeTo(body);
        } catch (IOException e) {
            log.debug("{} response body not sent: {}", connection, e.toString());
            return false;
        } catch (RuntimeException e) {
            log.error("{} response body writer failed; cutting the response short", connection, e);
            return false;
        }
        body.finish();
        return persistent;
    }

    private boolean writeFile(Response response, Response.FileRegion file, boolean headRequest,
                              boolean http11, boolean keepAlive) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException | AccessDeniedException e) {
            log.debug("{} file vanished before it was sent: {}", connection, e.toString());
            return write(Response.text(Status.NOT_FOUND_404, "Not Found\n"), headRequest, http11, keepAlive);
        }
        try (channel) {
            head(response.status(), response.headers(), Framing.LENGTH, file.length(), http11, keepAlive);
            if (headRequest || file.length() == 0) {
                return keepAlive;
            }
            out.flush();
            long sent = connection.transferFrom(channel, file.position(), file.length());
            if (sent != file.length()) {
                log.warn("{} {} shrank while being sent ({} of {} bytes): closing", connection,
                        file.path(), sent, file.length());
                return false;
            }
            return keepAlive;
        }
    }

    private void head(Status status, Headers headers, Framing framing, long length, boolean http11,
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
        } else if (!http11) {
            out.write(KEEP_ALIVE);
        }
        out.writeCrlf();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
