package dev.weft.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    private TcpServer server;

    @BeforeEach
    void start() throws Exception {
        server = DaggerEchoComponent.factory().create(TcpServerConfig.loopback(0)).server().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void echoesWhatTheClientSendsAndHalfClosesAfterIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            byte[] sent = "hello weft\n".getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(sent);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertArrayEquals(sent, in.readAllBytes());
        }
        assertEquals(1, server.metrics().accepted());
    }
}
