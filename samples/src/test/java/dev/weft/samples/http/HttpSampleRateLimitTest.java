package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSampleRateLimitTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        client.close();
        server.stop(Duration.ZERO);
    }

    @Test
    void withARateLimitTheBurstPassesAndTheNextRequestIs429() throws Exception {
        // A refill of one token per 100 s keeps the outcome independent of the machine's speed.
        server = DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), BundledPage.load(), Optional.of(new RateLimit(0.01, 3)))
                .server().start();
        HttpRequest hello = HttpRequest.newBuilder(server.uri("/hello")).timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.send(hello, BodyHandlers.ofString()).statusCode());
        }
        HttpResponse<String> limited = client.send(hello, BodyHandlers.ofString());
        assertEquals(429, limited.statusCode());
        assertEquals("100", limited.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void withoutARateLimitNothingIsLimited() throws Exception {
        server = DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), BundledPage.load(), Optional.empty()).server().start();
        HttpRequest hello = HttpRequest.newBuilder(server.uri("/hello")).timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.send(hello, BodyHandlers.ofString()).statusCode());
        }
    }
}
