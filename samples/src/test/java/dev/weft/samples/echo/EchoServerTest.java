package dev.weft.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.ServerExtension;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EchoServerTest {

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer server;

    @BeforeEach
    void start() throws Exception {
        server = servers.start(DaggerEchoComponent.factory().create(TcpServerConfig.loopback(0)).server());
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
