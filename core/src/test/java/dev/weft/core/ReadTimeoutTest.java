package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadTimeoutTest {

    private final BlockingQueue<String> seen = new ArrayBlockingQueue<>(4);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    private TcpServer server;

    @AfterEach
    void stop() {
        later.shutdownNow();
        server.stop(Duration.ZERO);
    }

    @Test
    void disabledReadTimeoutLetsAReadWaitPastTheIdleTimeout() throws Exception {
        TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().idleTimeout(Duration.ofMillis(50)).build();
        server = new TcpServer(config, connection -> {
            connection.disableReadTimeout();
            seen.add(connection.readTimeout().equals(ChronoUnit.FOREVER.getDuration()) ? "forever" : "timed");
            seen.add(connection.readLine(100));
        }).start();
        try (TestClient client = new TestClient(server.port())) {
            assertEquals("forever", seen.poll(10, TimeUnit.SECONDS));
            // Sent well after the 50 ms idle timeout: with a timed read the connection would be gone.
            later.schedule(() -> {
                try {
                    client.socket().getOutputStream().write("late\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    seen.add("send failed: " + e);
                }
            }, 300, TimeUnit.MILLISECONDS);
            assertEquals("late", seen.poll(10, TimeUnit.SECONDS));
            assertEquals(0, server.metrics().idleTimeouts());
        }
    }
}
