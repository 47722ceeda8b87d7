package dev.weft.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.generator.ProtocolClient;
import dev.weft.loadtest.tls.ClientTls;
import dev.weft.loadtest.tls.TlsSuite;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine answers every scenario it serves correctly — echo byte for byte, {@code GET /hello}
 * with the same status, headers and body (the same bytes, for every engine but Helidon, which
 * orders headers its own way), HTTPS on both TLS versions with exactly their cipher suites,
 * WebSocket echo through the generator's own client, HTTP/2 with prior knowledge — and says why
 * for every service it does not run.
 */
@ExtendWith(PinningRecorder.class)
class EngineProtocolTest {

    private static final String GET_HELLO = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private Engine engine;

    static Stream<EngineKind> echoEngines() {
        return serving(Service.ECHO);
    }

    static Stream<EngineKind> httpEngines() {
        return serving(Service.HTTP);
    }

    static Stream<EngineKind> httpsEngines() {
        return serving(Service.HTTPS);
    }

    static Stream<EngineKind> webSocketEngines() {
        return serving(Service.WEBSOCKET);
    }

    static Stream<EngineKind> h2cEngines() {
        return serving(Service.H2C);
    }

    static Stream<EngineKind> udpEchoEngines() {
        return serving(Service.UDP_ECHO);
    }

    private static Stream<EngineKind> serving(Service service) {
        return Arrays.stream(EngineKind.values()).filter(kind -> kind.services().contains(service));
    }

    private Socket connect(EngineKind kind, Service service) throws IOException {
        engine = servers.closeAfterwards(kind.start(EngineOptions.LOOPBACK_EPHEMERAL));
        assertTrue(engine.port(service).isPresent(), kind + " serves " + service);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), engine.port(service).getAsInt());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        assertEquals(length, bytes.length, "stream ended early");
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void runsExactlyTheServicesItDeclaresAndSaysWhyNotForTheOthers(EngineKind kind) throws IOException {
        engine = servers.closeAfterwards(kind.start(EngineOptions.LOOPBACK_EPHEMERAL));
        assertEquals(kind.services(), EnumSet.copyOf(engine.ports().keySet()));
        for (Service service : Service.values()) {
            assertEquals(!kind.services().contains(service), kind.notApplicable(service).isPresent(), kind + " " + service);
        }
        assertTrue(!engine.transport().isBlank() && !engine.description().isBlank(), kind + " names its transport");
    }

    @Test
    void nettyRunsOnNativeEpollWhereItsLibraryIsShipped() throws IOException {
        engine = servers.closeAfterwards(EngineKind.NETTY.start(EngineOptions.LOOPBACK_EPHEMERAL));
        if (NettyTransport.requiresEpoll(System.getProperty("os.name"), System.getProperty("os.arch"))) {
            assertTrue(engine.transport().startsWith("native epoll"), engine.transport());
        }
    }

    @ParameterizedTest
    @MethodSource("echoEngines")
    void echoesEveryByteBackInOrder(EngineKind kind) throws IOException {
        try (Socket socket = connect(kind, Service.ECHO)) {
            OutputStream out = socket.getOutputStream();
            for (int size : new int[] {1, 64, 5_000, 100_000}) {
                byte[] message = new byte[size];
                for (int i = 0; i < size; i++) {
                    message[i] = (byte) (i * 31 + size);
                }
                out.write(message);
                out.flush();
                assertArrayEquals(message, readExactly(socket.getInputStream(), size), kind + " size " + size);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("udpEchoEngines")
    void echoesEveryDatagramBackToItsSenderFromTheServersPort(EngineKind kind) throws IOException {
        engine = kind.start(EngineOptions.LOOPBACK_EPHEMERAL);
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                engine.port(Service.UDP_ECHO).getAsInt());
        try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket b = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (DatagramSocket peer : new DatagramSocket[] {a, b}) {
                peer.setSoTimeout(5_000);
                for (int size : new int[] {1, 64, 1_400}) {
                    byte[] message = new byte[size];
                    for (int i = 0; i < size; i++) {
                        message[i] = (byte) (i * 7 + size + peer.getLocalPort());
                    }
                    peer.send(new DatagramPacket(message, size, server));
                    DatagramPacket echo = new DatagramPacket(new byte[size + 1], size + 1);
                    peer.receive(echo);
                    assertEquals(server, echo.getSocketAddress(), kind + ": the echo comes from the server's port");
                    assertArrayEquals(message, Arrays.copyOf(echo.getData(), echo.getLength()), kind + " size " + size);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("httpEngines")
    void answersHelloLikeEveryOtherEngine(EngineKind kind) throws IOException {
        try (Socket socket = connect(kind, Service.HTTP)) {
            socket.getOutputStream().write(GET_HELLO.getBytes(StandardCharsets.US_ASCII));
            assertSameResponse(kind, HelloResponse.ok(), socket.getInputStream());
        }
    }

    @ParameterizedTest
    @MethodSource("httpEngines")
    void answersPipelinedAndSplitRequestsInOrder(EngineKind kind) throws IOException {
        try (Socket socket = connect(kind, Service.HTTP)) {
            OutputStream out = socket.getOutputStream();
            String pipeline = GET_HELLO + "GET /other HTTP/1.1\r\nHost: x\r\n\r\n" + GET_HELLO;
            out.write(pipeline.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertSameResponse(kind, HelloResponse.ok(), in);
            assertSameResponse(kind, HelloResponse.notFound(), in);
            assertSameResponse(kind, HelloResponse.ok(), in);
            // one request head split over two writes
            out.write("GET /hello HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write("st: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertSameResponse(kind, HelloResponse.ok(), in);
        }
    }

    /**
     * The next response equals {@code expected}: byte for byte but for the {@code Date} value,
     * or for Helidon (which orders headers its own way and may add {@code Connection}) the same
     * status line, the same headers in any order and the same body.
     */
    private static void assertSameResponse(EngineKind kind, byte[] expected, InputStream in) throws IOException {
        if (kind != EngineKind.HELIDON) {
            assertEquals(withoutDate(expected), withoutDate(readExactly(in, expected.length)), kind.label());
            return;
        }
        assertEquals(ResponseShape.of(expected), ResponseShape.read(in).withoutHeader("connection"), kind.label());
    }

    /** The response with its Date value masked: the second may turn between two readings. */
    private static String withoutDate(byte[] response) {
        return new String(response, StandardCharsets.US_ASCII).replaceFirst("Date: [^\\r]*\\r\\n", "Date: *\\r\\n");
    }

    @ParameterizedTest
    @MethodSource("httpsEngines")
    void answersHelloOverEachTlsVersionWithExactlyItsCipherSuite(EngineKind kind) throws IOException {
        engine = servers.closeAfterwards(kind.start(EngineOptions.LOOPBACK_EPHEMERAL));
        for (TlsSuite suite : TlsSuite.values()) {
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), engine.port(Service.HTTPS).getAsInt());
            plain.setSoTimeout(5_000);
            try (SSLSocket socket = ClientTls.of(suite).handshake(plain)) {
                assertEquals(suite.protocol(), socket.getSession().getProtocol(), kind + " " + suite);
                assertEquals(suite.cipherSuite(), socket.getSession().getCipherSuite(), kind + " " + suite);
                socket.getOutputStream().write(GET_HELLO.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertSameResponse(kind, HelloResponse.ok(), socket.getInputStream());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("webSocketEngines")
    void echoesWebSocketMessagesOfEveryLengthEncoding(EngineKind kind) throws IOException {
        engine = servers.closeAfterwards(kind.start(EngineOptions.LOOPBACK_EPHEMERAL));
        int port = engine.port(Service.WEBSOCKET).getAsInt();
        for (int size : new int[] {1, 64, 125, 126, 1_000, 65_535}) {
            ProtocolClient client = new Protocol.WebSocketEcho(size).newClient();
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
            plain.setSoTimeout(5_000);
            try (Socket socket = client.open(plain)) {
                for (int i = 0; i < 3; i++) {
                    client.roundTrip(socket.getInputStream(), socket.getOutputStream());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("h2cEngines")
    void answersHelloOverHttp2WithPriorKnowledgeOnSeveralStreams(EngineKind kind) throws IOException {
        try (Socket socket = connect(kind, Service.H2C)) {
            H2cPriorKnowledgeClient client = new H2cPriorKnowledgeClient(socket);
            for (int i = 0; i < 3; i++) {
                H2cPriorKnowledgeClient.Response response = client.get("/hello");
                assertEquals(0x88, response.firstHeaderByte(), kind + ": :status 200 first");
                assertEquals(HelloResponse.BODY, response.body(), kind.label());
            }
            assertEquals(HelloResponse.NOT_FOUND_BODY, client.get("/other").body(), kind.label());
        }
    }
}
