package dev.weft.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request of an {@link HttpTestClient} being built: header fields and a body, then
 * {@link #send()}. Not thread-safe; a request is built and sent by one test thread.
 */
public final class TestRequest {

    private final HttpClient http;
    private final String method;
    private final URI uri;
    private final List<String> headers;
    private Duration timeout;
    private byte[] body;

    TestRequest(HttpClient http, String method, URI uri, List<String> headers, Duration timeout) {
        this.http = http;
        this.method = Objects.requireNonNull(method, "method");
        this.uri = uri;
        this.headers = new ArrayList<>(headers);
        this.timeout = timeout;
    }

    /**
     * Adds a header field.
     *
     * @param name  the name
     * @param value the value
     * @return this request
     */
    public TestRequest header(String name, String value) {
        headers.add(Objects.requireNonNull(name, "name"));
        headers.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the body and its {@code Content-Type}.
     *
     * @param contentType the type
     * @param text        the body, sent in UTF-8
     * @return this request
     */
    public TestRequest body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the body and its {@code Content-Type}.
     *
     * @param contentType the type
     * @param bytes       the body, sent as it is
     * @return this request
     */
    public TestRequest body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        body = bytes.clone();
        return this;
    }

    /**
     * Sets a JSON body ({@code Content-Type: application/json}).
     *
     * @param json the JSON text
     * @return this request
     */
    public TestRequest json(String json) {
        return body("application/json", json);
    }

    /**
     * Sets how long this request may take, answer included.
     *
     * @param requestTimeout the time
     * @return this request
     */
    public TestRequest timeout(Duration requestTimeout) {
        this.timeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        return this;
    }

    /**
     * Sends the request and reads the whole answer.
     *
     * @return the response
     * @throws java.io.UncheckedIOException when the exchange fails: the connection was refused or
     *     reset, or no answer came in time
     */
    public TestResponse send() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }
}
