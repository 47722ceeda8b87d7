package dev.weft.http.internal.h2;

import dev.weft.http.HttpException;
import dev.weft.http.HttpPipeline;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.RequestContext;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HttpChars;
import dev.weft.http.internal.RequestParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request stream on a thread of its own: builds the {@link Request}, runs it through the
 * server's {@link HttpPipeline} — filters, router, handler, error model, exactly as on HTTP/1.1 —
 * maps the {@link Response} body to DATA frames (bytes and files cut into frames, a stream body
 * through {@link ResponseBodyStream}), tells the pipeline the exchange is over
 * ({@link HttpPipeline#completed}, once, however it ended: access log, sent listeners, JFR) and
 * then the connection.
 *
 * <p>A request refused before the handler — its header list too large (431, decided by the frame
 * reader), an unknown method (501), an invalid {@code :path} (400), a declared body over
 * {@link dev.weft.http.HttpLimits#maxBodyBytes()} (413) — goes through
 * {@link HttpPipeline#refuse}, so filters see it as they see a refused HTTP/1.1 head. A failure
 * after the response head was sent resets the stream instead.
 */
final class StreamExchange {

    private static final Logger log = LoggerFactory.getLogger(StreamExchange.class);
    private static final String VERSION = "HTTP/2";
    private static final int FILE_CHUNK = 16_384;

    private final Http2Connection connection;
    private final Http2Stream stream;
    private final H2Request head;
    private final byte[] upgradeBody;
    private final HttpException refusal;
    /** The response whose head was sent (a 404 instead of a vanished file), or null. */
    private Response sent;
    /** The body bytes queued so far. */
    private long bodyBytes;

    /**
     * @param upgradeBody the body of an {@code Upgrade: h2c} request, already read, or null
     * @param refusal     why the frame reader refused the request, or null
     */
    StreamExchange(Http2Connection connection, Http2Stream stream, H2Request head, byte[] upgradeBody,
                   HttpException refusal) {
        this.connection = connection;
        this.stream = stream;
        this.head = head;
        this.upgradeBody = upgradeBody;
        this.refusal = refusal;
    }

    void run() {
        Request request = null;
        boolean complete = false;
        try {
            Method method = Method.UNKNOWN;
            HttpException refused = refusal;
            if (refused == null) {
                try {
                    method = RequestParser.method(head.method());
                    refused = refusal(head);
                } catch (HttpException notImplemented) {
                    refused = notImplemented;
                }
            }
            request = request(method, refused == null);
            Response response = refused == null ? connection.pipeline.handle(request)
                    : connection.pipeline.refuse(request, refused);
            send(response, method == Method.HEAD);
            complete = true;
        } catch (StreamResetException e) {
            log.debug("{} {}: {}", connection, stream, e.getMessage());
        } catch (IOException e) {
            log.debug("{} {} response not sent: {}", connection, stream, e.toString());
        } catch (RuntimeException e) {
            log.error("{} {} response body writer failed; resetting the stream", connection, stream, e);
        } finally {
            try {
                if (request != null && sent != null) {
                    connection.pipeline.completed(request, sent, bodyBytes, complete);
                }
            } finally {
                connection.exchangeDone(stream);
            }
        }
    }

    /** Why a request with a known method is refused before the handler, or null. */
    private HttpException refusal(H2Request request) {
        String target = request.path();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0xFF || !HttpChars.isTargetByte(c) || c == '#') {
                return new HttpException(Status.BAD_REQUEST_400, "invalid character in :path");
            }
        }
        long maxBody = connection.limits.maxBodyBytes();
        if (request.contentLength().isPresent() && request.contentLength().getAsLong() > maxBody) {
            return new HttpException(Status.CONTENT_TOO_LARGE_413,
                    "request body of " + request.contentLength().getAsLong() + " bytes exceeds " + maxBody);
        }
        return null;
    }

    private Request request(Method method, boolean withBody) {
        String target = head.path();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        InputStream body = !withBody ? InputStream.nullInputStream()
                : upgradeBody != null ? new ByteArrayInputStream(upgradeBody)
                : new RequestBody(connection, stream, connection.limits.maxBodyBytes());
        return new Request(method, target, path, query, VERSION, head.headers(), Map.of(), body,
                connection.wire.remoteAddress(), new RequestContext(connection.wire.tls()));
    }

    private void send(Response response, boolean headRequest) throws IOException {
        sent = response;
        switch (response.body()) {
            case Response.Empty empty -> headers(response, OptionalLong.of(0), true);
            case Response.Bytes bytes -> {
                byte[] body = bytes.bytes();
                boolean noBody = headRequest || body.length == 0 || response.status().forbidsBody();
                List<String> fields = connection.responseHeaders.of(response, OptionalLong.of(body.length));
                if (noBody) {
                    connection.io.sendHeaders(stream, fields, true);
                } else {
                    connection.io.sendHeadersAndBody(stream, fields, body);
                    bodyBytes = body.length;
                }
            }
            case Response.Stream streamBody -> {
                headers(response, OptionalLong.empty(), headRequest);
                if (!headRequest) {
                    ResponseBodyStream out = new ResponseBodyStream(connection, stream);
                    try {
                        streamBody.writer().writeTo(out);
                        out.finish();
                    } finally {
                        bodyBytes = out.bytesSent();
                    }
                }
            }
            case Response.FileRegion file -> sendFile(response, file, headRequest);
            // Response.webSocket answers an HTTP/2 request with 400 ("a WebSocket handshake needs
            // HTTP/1.1"); RFC 8441's extended CONNECT is not supported, so a 101 cannot get here.
            case Response.WebSocketUpgrade upgrade -> throw new IllegalStateException(
                    "a WebSocket upgrade cannot be sent on an HTTP/2 stream");
        }
    }

    private void headers(Response response, OptionalLong contentLength, boolean endStream) throws IOException {
        connection.io.sendHeaders(stream, connection.responseHeaders.of(response, contentLength), endStream);
    }

    private void sendFile(Response response, Response.FileRegion file, boolean headRequest) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (NoSuchFileException | AccessDeniedException e) {
            log.debug("{} {} file vanished before it was sent: {}", connection, stream, e.toString());
            send(Response.text(Status.NOT_FOUND_404, "Not Found\n"), headRequest);
            return;
        }
        try (channel) {
            boolean noBody = headRequest || file.length() == 0;
            headers(response, OptionalLong.of(file.length()), noBody);
            if (noBody) {
                return;
            }
            ByteBuffer chunk = ByteBuffer.allocate(FILE_CHUNK);
            long position = file.position();
            long left = file.length();
            while (left > 0) {
                chunk.clear().limit((int) Math.min(FILE_CHUNK, left));
                int n = channel.read(chunk, position);
                if (n < 0) {
                    throw new IOException(file.path() + " shrank while being sent");
                }
                position += n;
                left -= n;
                connection.io.sendData(stream, chunk.array(), 0, n, left == 0);
                bodyBytes += n;
            }
        }
    }
}
