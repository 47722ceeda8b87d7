package dev.weft.testing.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HaproxyServerTest {

    @Test
    void aConnectionToHaproxyReachesTheBackendItIsConfiguredWith() throws Exception {
        // The backend answers from before HAProxy starts, with room in its backlog: HAProxy's
        // start-up probes also reach it, and a full backlog would make HAProxy give up on the client.
        try (ServerSocket backend = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerOnce(backend));
            try (HaproxyServer haproxy = HaproxyServer.start(1, ports -> """
                     defaults
                         mode tcp
                         timeout connect 2s
                         timeout client 10s
                         timeout server 10s
                     listen echo
                         bind 127.0.0.1:%d
                         server only 127.0.0.1:%d
                     """.formatted(ports[0], backend.getLocalPort()));
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), haproxy.port(0))) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("backend says hi\n", new String(client.getInputStream().readNBytes(16), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aConfigurationHaproxyRefusesFailsWithHaproxysOwnMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HaproxyServer.start(1, ports -> "listen broken\n    bind 127.0.0.1:%d\n    no-such-keyword\n"
                        .formatted(ports[0])));
        assertTrue(refused.getMessage().contains("no-such-keyword"), refused.getMessage());
    }

    /**
     * Answers one client, skipping the connections HAProxy's start-up probe opened and closed
     * (HAProxy may end those with a reset: a failed connection is skipped, not the end).
     */
    private static void answerOnce(ServerSocket backend) {
        while (true) {
            Socket accepted;
            try {
                accepted = backend.accept();
            } catch (IOException e) {
                return; // the test closed the backend
            }
            try (accepted) {
                accepted.setSoTimeout(10_000);
                byte[] line = accepted.getInputStream().readNBytes(3);
                if (line.length == 3) {
                    accepted.getOutputStream().write("backend says hi\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
            } catch (IOException e) {
                // a probe connection HAProxy reset: wait for the next one
            }
        }
    }
}
