package dev.weft.http.internal.h2;

import dev.weft.http.HttpException;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.ErrorResponses;
import dev.weft.http.internal.HandlerDispatch;
import dev.weft.http.internal.HttpChars;
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
 * One request stream on its own virtual thread: builds the {@link Request}, runs the handler,
 * maps the {@link Response} body to DATA frames — bytes and files cut into frames, a stream body
 * through {@link ResponseBodyStream} — and tells the connection when it is done, however it
 * ends. A handler failure becomes a response here as on HTTP/1.1 ({@link HttpException} its
 * status, anything else a logged 500); a failure after the response head was sent resets the
 * stream instead.
 */
final class StreamExchange {

    private static final Logger log = LoggerFactory.getLogger(StreamExchange.class);
    private static final int FILE_CHUNK = 16_384;

    private final Http2Connection connection;
    private final Http2Stream stream;
    private final H2Request head;
    private final byte[] upgradeBody;
    private final Response preset;

    StreamExchange(Http2Connection connection, Http2Stream stream, H2Request head, byte[] upgradeBody,
                   Response preset) {
        this.connection = connection;
        this.stream = stream;
        this.head = head;
        this.upgradeBody = upgradeBody;
        this.preset = preset;
    }

    void run() {
        try {
            Method method = method();
            Response response = preset != null ? preset : method == null
                    ? ErrorResponses.of(new HttpException(Status.NOT_IMPLEMENTED_501, "method not implemented"))
                    : respond(method);
            send(response, method == Method.HEAD);
        } catch (StreamResetException e) {
            log.debug("{} {}: {}", connection, stream, e.getMessage());
        } catch (IOException e) {
            log.debug("{} {} response not sent: {}", connection, stream, e.toString());
        } catch (RuntimeException e) {
            log.error("{} {} response body writer failed; resetting the stream", connection, stream, e);
        } finally {
            connection.exchangeDone(stream);
        }
    }

    private Method method() {
        try {
            return Method.valueOf(head.method());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private Response respond(Method method) {
        String target = head.path();
        for (int i = 0; i < target.length(); i++) {
            if (!HttpChars.isTargetByte(target.charAt(i) & 0xFF) || target.charAt(i) > 0xFF) {
                return ErrorResponses.of(new HttpException(Status.BAD_REQUEST_400, "invalid character in :path"));
            }
        }
        long maxBody = connection.limits.maxBodyBytes();
        if (head.contentLength().isPresent() && head.contentLength().getAsLong() > maxBody) {
            return ErrorResponses.of(new HttpException(Status.CONTENT_TOO_LARGE_413,
                    "request body of " + head.contentLength().getAsLong() + " bytes exceeds " + maxBody));
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        InputStream body = upgradeBody != null ? new ByteArrayInputStream(upgradeBody)
                : new RequestBody(connection, stream, maxBody);
        Request request = new Request(method, target, path, query, "HTTP/2", head.headers(), Map.of(), body,
                connection.wire.remoteAddress());
        return dispatch(request);
    }

    private Response dispatch(Request request) {
        return HandlerDispatch.dispatch(connection.handler, request, () -> connection + " " + stream,
                failure -> failure instanceof IOException && connection.isReset(stream)
                        ? ErrorResponses.internalError() : null);
    }

    private void send(Response response, boolean headRequest) throws IOException {
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
                }
            }
            case Response.Stream streamBody -> {
                headers(response, OptionalLong.empty(), headRequest);
                if (!headRequest) {
                    ResponseBodyStream out = new ResponseBodyStream(connection, stream);
                    streamBody.writer().writeTo(out);
                    out.finish();
                }
            }
            case Response.FileRegion file -> sendFile(response, file, headRequest);
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
            }
        }
    }
}
