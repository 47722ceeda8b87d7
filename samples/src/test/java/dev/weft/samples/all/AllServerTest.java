package dev.weft.samples.all;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.samples.chat.ChatConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The combined sample: HTTP, echo, chat and the UDP relay in one component, over one registry. */
@ExtendWith(PinningRecorder.class)
class AllServerTest {

    private static final int TIMEOUT_MILLIS = 10_000;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private AllComponent app;

    @BeforeEach
    void start() {
        app = DaggerAllComponent.factory().create(HttpServerConfig.loopback(0),
                request -> Response.of(Status.NOT_FOUND_404), TcpServerConfig.loopback(0), TcpServerConfig.loopback(0),
                ChatConfig.DEFAULTS, RoomsConfig.DEFAULTS, UdpServerConfig.loopback(0), RelayConfig.DEFAULTS, Optional.empty());
        servers.start(app.httpServer());
        servers.start(app.echoServer());
        servers.start(app.chatServer());
        servers.start(app.udpServer());
    }

    @Test
    void theHttpServerServesTheHttpSampleRoutes() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(app.httpServer().uri("/hello"))
                    .timeout(Duration.ofMillis(TIMEOUT_MILLIS)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("Hello, World!", response.body());
        }
    }

    @Test
    void theEchoServerWritesBackWhatItReads() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.echoServer().port())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write("ping\n".getBytes(UTF_8));
            assertEquals("ping", reader(socket).readLine());
        }
    }

    @Test
    void aUdpPeerAndATcpChatClientShareTheLobbyAndTheRegistry() throws Exception {
        try (Socket chat = new Socket(InetAddress.getLoopbackAddress(), app.chatServer().port());
             DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            chat.setSoTimeout(TIMEOUT_MILLIS);
            peer.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader lines = reader(chat);
            readUntil(lines, "* welcome");

            send(peer, "JOIN lobby ann");
            assertEquals("OK joined lobby as ann\n", receive(peer));
            assertEquals("* ann joined", readUntil(lines, "* ann"));
            assertEquals(2, app.registry().size());
            assertEquals(2, app.rooms().who("lobby").size());

            send(peer, "MSG hello");
            assertEquals("ann: hello", readUntil(lines, "ann:"));
        }
    }

    private void send(DatagramSocket peer, String line) throws Exception {
        byte[] bytes = line.getBytes(UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, app.udpServer().localAddress()));
    }

    private static String receive(DatagramSocket peer) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2_048], 2_048);
        peer.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), UTF_8);
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
    }

    private static String readUntil(BufferedReader lines, String prefix) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the connection ended before a line starting with " + prefix);
    }
}
