package dev.weft.http.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Router;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The health routes over real sockets: 200 while every check passes, 503 with a JSON report when one does not. */
class HealthTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicBoolean queueBroken = new AtomicBoolean();
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        Health health = Health.of(
                NamedCheck.liveness("process", HealthStatus::up),
                NamedCheck.readiness("db", () -> databaseUp.get() ? HealthStatus.up() : HealthStatus.down("no connection")),
                NamedCheck.readiness("queue", () -> {
                    if (queueBroken.get()) {
                        throw new IllegalStateException("password=hunter2 rejected");
                    }
                    return HealthStatus.up();
                }));
        server = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(health.routes())));
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    @Test
    void everyProbePassesWhileEveryCheckDoes() throws Exception {
        HttpResponse<String> all = get("/health");
        assertEquals(200, all.statusCode());
        assertEquals("application/json", all.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", all.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"db\":{\"status\":\"UP\"},\"process\":{\"status\":\"UP\"},"
                + "\"queue\":{\"status\":\"UP\"}}}", all.body());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"process\":{\"status\":\"UP\"}}}", get("/health/live").body());
        assertEquals(200, get("/health/ready").statusCode());
    }

    @Test
    void aFailingReadinessCheckIs503ForReadinessButNotForLiveness() throws Exception {
        databaseUp.set(false);
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"checks\":{\"db\":{\"status\":\"DOWN\",\"detail\":\"no connection\"},"
                + "\"queue\":{\"status\":\"UP\"}}}", ready.body());
        assertEquals(200, get("/health/live").statusCode(), "a database outage is no reason to restart");
        assertEquals(503, get("/health").statusCode());
        databaseUp.set(true);
        assertEquals(200, get("/health/ready").statusCode(), "checks run on every probe");
    }

    @Test
    void aCheckThatThrowsIsDownAndItsMessageStaysInTheLog() throws Exception {
        queueBroken.set(true);
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(503, ready.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"checks\":{\"db\":{\"status\":\"UP\"},"
                + "\"queue\":{\"status\":\"DOWN\",\"detail\":\"IllegalStateException\"}}}", ready.body());
        assertFalse(ready.body().contains("hunter2"));
    }

    @Test
    void twoChecksOfOneProbeWithOneNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Health.of(NamedCheck.readiness("db", HealthStatus::up),
                NamedCheck.readiness("db", HealthStatus::up)));
    }

    @Test
    void withoutChecksTheProbesPass() throws Exception {
        HttpServer bare = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(Health.of().routes())));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(bare.uri("/health/live")).timeout(TIMEOUT)
                .build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\",\"checks\":{}}", response.body());
    }
}
