package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpSampleRateLimitTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private final HttpClient client = servers.closeAfterwards(HttpClient.newHttpClient());

    @Test
    void withARateLimitTheBurstPassesAndTheNextRequestIs429() throws Exception {
        // A refill of one token per 100 s keeps the outcome independent of the machine's speed.
        HttpServer server = servers.start(DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), BundledPage.load(), Optional.of(new RateLimit(0.01, 3)))
                .server());
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
        HttpServer server = servers.start(DaggerHttpSampleComponent.factory()
                .create(HttpServerConfig.loopback(0), Optional.empty(), BundledPage.load(), Optional.empty()).server());
        HttpRequest hello = HttpRequest.newBuilder(server.uri("/hello")).timeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, client.send(hello, BodyHandlers.ofString()).statusCode());
        }
    }
}
