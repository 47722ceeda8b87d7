package dev.weft.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Requests and response bodies for tests that call handlers, routers and pipelines as functions. */
final class TestRequests {

    private TestRequests() {
    }

    /** A request with no headers and no body. */
    static Request request(Method method, String target) {
        return request(method, target, Headers.EMPTY, InputStream.nullInputStream());
    }

    /** A request with {@code headers} and {@code body}. */
    static Request request(Method method, String target, Headers headers, String body) {
        return request(method, target, headers, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Request request(Method method, String target, Headers headers, InputStream body) {
        int question = target.indexOf('?');
        return new Request(method, target, question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1), "HTTP/1.1", headers, Map.of(), body,
                new InetSocketAddress("127.0.0.1", 1));
    }

    /** The body of a response held in memory, as UTF-8 text. */
    static String body(Response response) {
        return new String(((Response.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }
}
