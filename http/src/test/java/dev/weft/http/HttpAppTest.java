package dev.weft.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.BufferedInput;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.HttpTestClient;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestServer;
import dev.weft.testing.TestServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An {@link HttpApp} as a unit that starts, is addressed and stops with the servers it runs alongside. */
@ExtendWith(ServerExtension.class)
class HttpAppTest {

    private final ClientRegistry clients = ClientRegistry.create();

    /** Answers each line with the number of registry clients. */
    private final TcpServer lines = new TcpServer(TcpServerConfig.loopback(0), connection -> {
        connection.client();
        BufferedInput in = new BufferedInput(connection);
        while (in.readLine(100) != null) {
            connection.write((clients.size() + "\n").getBytes(UTF_8));
        }
    }, clients);

    @TestServer
    final HttpApp app = HttpApp.create().config(HttpServerConfig.loopback(0)).registry(clients).alsoServe(lines)
            .get("/lines", request -> Response.ok(Integer.toString(lines.port())));

    @Test
    void aTestStartsTheAppWithItsOtherServersAndReachesItByUri(HttpTestClient client) throws IOException {
        assertTrue(lines.isRunning());
        client.get("/lines").assertStatus(200).assertBody(Integer.toString(lines.port()));
        assertEquals(app.server().uri("/x"), app.uri("/x"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), lines.port())) {
            socket.getOutputStream().write("count\n".getBytes(UTF_8));
            assertEquals("1", new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine());
        }
    }

    @Test
    void closingTheAppStopsTheHttpServerThenTheOthers() {
        HttpServer http = app.server();
        app.close();
        assertFalse(lines.isRunning());
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), http.port()).close());
        assertThrows(IllegalStateException.class, () -> app.get("/late", request -> Response.ok("late")));
    }

    @Test
    void anAppThatCannotBindStopsTheServersItHadStarted(TestServers servers) throws IOException {
        TcpServer other = new TcpServer(TcpServerConfig.loopback(0), connection -> { });
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpApp clash = servers.closeAfterwards(HttpApp.create().alsoServe(other)
                    .config(HttpServerConfig.loopback(taken.getLocalPort())));
            assertThrows(BindException.class, clash::start);
            assertFalse(other.isRunning(), "the line service was stopped again");
            assertThrows(IllegalStateException.class, clash::server);
        }
    }

    @Test
    void stopAndCloseBeforeStartDoNothing() {
        HttpApp unstarted = HttpApp.create().alsoServe(new TcpServer(TcpServerConfig.loopback(0), connection -> { }));
        unstarted.stop(Duration.ZERO);
        unstarted.close();
        assertThrows(IllegalStateException.class, () -> unstarted.uri("/"));
    }
}
