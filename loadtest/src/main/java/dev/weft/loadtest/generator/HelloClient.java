package dev.weft.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 keep-alive client for {@code GET /hello}: sends the pipeline's requests in one
 * write and reads every response, requiring status 200 and a {@code Content-Length} body.
 */
final class HelloClient implements ProtocolClient {

    private static final byte[] REQUEST =
            "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final byte[] requests;
    private final int depth;
    private final HttpResponseReader reader = new HttpResponseReader();

    HelloClient(int depth) {
        this.depth = depth;
        requests = new byte[REQUEST.length * depth];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(REQUEST, 0, requests, i * REQUEST.length, REQUEST.length);
        }
    }

    @Override
    public void roundTrip(InputStream in, OutputStream out) throws IOException {
        out.write(requests);
        out.flush();
        for (int i = 0; i < depth; i++) {
            int status = reader.readResponse(in);
            if (status != 200) {
                throw new UnexpectedResponseException("expected status 200 for GET /hello, got " + status);
            }
        }
    }
}
