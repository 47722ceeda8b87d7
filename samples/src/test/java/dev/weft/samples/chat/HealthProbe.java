package dev.weft.samples.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code GET /health} as a load balancer asks it, with the JDK's HTTP client. */
final class HealthProbe {

    private HealthProbe() {
    }

    /** The response to {@code GET uri}, within five seconds. */
    static HttpResponse<String> get(URI uri) throws IOException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The status of {@code GET uri}, or -1 when nothing answers. */
    static int status(URI uri) {
        try {
            return get(uri).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
