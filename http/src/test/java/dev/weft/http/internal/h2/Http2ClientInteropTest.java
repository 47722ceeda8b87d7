package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.http.Http2Config;
import dev.weft.testing.PinningRecorder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code java.net.http.HttpClient} with {@code HTTP_2} on {@code http://}: it upgrades with
 * {@code Upgrade: h2c} (it has no prior-knowledge mode) when the server allows it
 * ({@link Http2Config#h2cUpgrade()}), then reuses the HTTP/2 connection.
 */
@ExtendWith(PinningRecorder.class)
class Http2ClientInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private H2TestServer server;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = new H2TestServer(Http2Config.builder().h2cUpgrade(true).build(), new TestRoutes(1).router());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void aGetUpgradesToH2cAndTheNextRequestsReuseTheConnection() throws Exception {
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(server.uri("/hello")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version());
        assertEquals(200, first.statusCode());
        assertEquals("Hello, World!", first.body());

        HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(server.uri("/echo")).timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TestRoutes.MEBIBYTE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, post.version());
        assertArrayEquals(TestRoutes.MEBIBYTE, post.body());
        assertEquals(1, server.metrics().connections(), "both requests used one upgraded connection");
    }

    @Test
    void aPostWithABodyIsServedOverHttp11AndTheNextRequestUpgrades() throws Exception {
        HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(server.uri("/echo")).timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TestRoutes.MEBIBYTE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_1_1, post.version(), "a request with a body is not upgraded");
        assertArrayEquals(TestRoutes.MEBIBYTE, post.body());
        HttpResponse<byte[]> big = client.send(HttpRequest.newBuilder(server.uri("/big")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, big.version());
        assertArrayEquals(TestRoutes.MEBIBYTE, big.body());
    }

    @Test
    void withoutTheUpgradeSwitchTheJdkClientStaysOnHttp11() throws Exception {
        try (H2TestServer plain = new H2TestServer(Http2Config.DEFAULTS, new TestRoutes(1).router())) {
            HttpResponse<String> hello = client.send(HttpRequest.newBuilder(plain.uri("/hello")).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_1_1, hello.version());
            assertEquals("Hello, World!", hello.body());
            assertEquals(0, plain.metrics().connections());
        }
    }
}
