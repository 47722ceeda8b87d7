package dev.weft.testing.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisServerTest {

    @Test
    void aKilledServerComesBackEmptyOnTheSamePort(RedisServer redis) throws IOException {
        assertEquals("+OK", command(redis, "SET k v"));
        int port = redis.port();

        redis.kill();
        assertThrows(IOException.class, () -> command(redis, "PING"));
        redis.restart();

        assertEquals(port, redis.port());
        assertEquals("$-1", command(redis, "GET k"), "nothing is persisted");
        assertEquals("redis://127.0.0.1:" + port, redis.uri());
    }

    @Test
    void aPausedServerAcceptsButNeverAnswersUntilResumed(RedisServer redis) throws IOException {
        redis.pause();
        assertThrows(SocketTimeoutException.class, () -> command(redis, "PING"));
        redis.resume();

        assertEquals("+PONG", command(redis, "PING"));
    }

    /** One inline command, one line of reply. */
    private static String command(RedisServer redis, String inline) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            socket.setSoTimeout(500);
            socket.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder();
            for (int b = socket.getInputStream().read(); b != '\r' && b >= 0; b = socket.getInputStream().read()) {
                line.append((char) b);
            }
            return line.toString();
        }
    }
}
