package dev.weft.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Request builders for tests that use the JDK's HTTP client. */
public final class ClientRequests {

    /** How long a test waits for a response. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ClientRequests() {
    }

    /** A request to {@code uri} with a timeout and {@code headers} (alternating names and values). */
    public static HttpRequest.Builder to(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        return headers.length == 0 ? request : request.headers(headers);
    }
}
