package dev.weft.loadtest.engine;

import dev.weft.core.BufferedInput;
import dev.weft.core.ClientRegistry;
import dev.weft.core.Connection;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.core.SocketIo;
import dev.weft.core.ThreadMode;
import dev.weft.core.tls.CipherPolicy;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.loadtest.tls.GeneratedCertificate;
import dev.weft.loadtest.tls.TlsSuite;
import dev.weft.udp.DatagramHandler;
import dev.weft.udp.DatagramOutcome;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpRelay;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weft's own engine, one thread per connection — virtual or platform as {@link ThreadMode}
 * says, the same code either way: an echo {@link TcpServer} with the {@code echo} sample's
 * handler, an {@link HttpServer} with the {@code http} sample's {@code GET /hello} route — which
 * also serves the {@code h2c} scenario: HTTP/2 with prior knowledge on the same port, the
 * connection preface deciding, as the {@code http} sample does — the same route over HTTPS (the
 * JDK's TLS engine on each connection's thread, the {@link TlsSuite}s and
 * {@link GeneratedCertificate} Netty's HTTPS uses), a WebSocket echo at {@code /ws} on an
 * {@link HttpServer} of its own (the {@code http} sample's {@code /ws/echo} endpoint: {@code
 * receive()} and {@code send} on the connection's thread), and (for the virtual-thread engine
 * only: UDP has no thread mode) a {@link UdpRelay} and a {@link UdpServer} echoing every datagram
 * as the {@code udpecho} sample does.
 */
final class WeftEngine implements Engine {

    /** The most bytes read and written back at a time, as in the {@code echo} sample. */
    private static final int ECHO_CHUNK_BYTES = 8_192;
    /** The {@code http} sample's {@code GET /hello} response, built once. */
    private static final Response HELLO = Response.bytes(Status.OK_200, HelloResponse.CONTENT_TYPE,
            HelloResponse.BODY.getBytes(StandardCharsets.US_ASCII));
    /**
     * HTTP limits as the defaults, except the two the contrast engines do not have: a keep-alive
     * connection may wait 10 minutes for its next request (the idle step holds 18,000
     * connections for longer than the default 30 s) and may send any number of requests.
     */
    private static final HttpLimits BENCHMARK_LIMITS = HttpLimits.DEFAULTS
            .withIdleTimeout(Duration.ofMinutes(10))
            .withMaxRequestsPerConnection(Integer.MAX_VALUE);
    /**
     * The WebSocket echo's settings, as Netty's in this load test: messages and frames up to 64
     * KiB, no {@code permessage-deflate}, any origin (the generator sends none), no keep-alive
     * pings; the other limits are the defaults.
     */
    private static final WebSocketConfig WEBSOCKET = WebSocketConfig.builder()
            .maxMessageAndFrameBytes(65_536)
            .origins(OriginPolicy.any())
            .noKeepAlive()
            .build();
    /**
     * The system property that picks Weft's socket I/O for an experiment ({@code AUTO}, the
     * default, {@code EPOLL} or {@code JDK}): {@code scripts/loadtest.sh --engine-jvm-options
     * "-Dweft.loadtest.socketIo=JDK"} measures Weft on the JDK's sockets against the same contrast
     * engines.
     */
    static final String SOCKET_IO_PROPERTY = "weft.loadtest.socketIo";
    /** Socket buffers of the relay, as in the udp module's fan-out benchmark. */
    private static final int UDP_BUFFER_BYTES = 4 << 20;
    /** The {@code udpecho} sample's handler: every datagram back to its sender. */
    private static final DatagramHandler UDP_ECHO = (datagram, sender) -> {
        sender.send(datagram.sender(), datagram.bytes());
        return DatagramOutcome.HANDLED;
    };

    private final EngineKind kind;
    private final TcpServer echo;
    private final HttpServer http;
    private final HttpServer https;
    private final HttpServer webSocket;
    private final Optional<UdpServer> udp;
    private final Optional<UdpServer> udpEcho;

    private WeftEngine(EngineKind kind, TcpServer echo, HttpServer http, HttpServer https, HttpServer webSocket,
                       Optional<UdpServer> udp, Optional<UdpServer> udpEcho) {
        this.kind = kind;
        this.echo = echo;
        this.http = http;
        this.https = https;
        this.webSocket = webSocket;
        this.udp = udp;
        this.udpEcho = udpEcho;
    }

    static WeftEngine start(EngineKind kind, ThreadMode mode, EngineOptions options) throws IOException {
        ClientRegistry registry = ClientRegistry.create();
        TcpServer echo = new TcpServer(tcp(kind.label() + "-echo", options.echoPort(), mode, options),
                WeftEngine::echo, registry).start();
        HttpServer http = null;
        HttpServer https = null;
        HttpServer webSocket = null;
        UdpServer udp = null;
        UdpServer udpEcho = null;
        try {
            HttpServerConfig httpConfig = new HttpServerConfig(
                    tcp(kind.label() + "-http", options.httpPort(), mode, options).server(), BENCHMARK_LIMITS,
                    HttpServerConfig.DEFAULT_SERVER_NAME);
            Router hello = Router.of(List.of(Route.get("/hello", request -> HELLO)));
            http = new HttpServer(httpConfig, hello, registry).start();
            HttpServerConfig httpsConfig = httpConfig.toBuilder().name(kind.label() + "-https").port(0)
                    .tls(serverTls()).build();
            https = new HttpServer(httpsConfig, hello, registry).start();
            HttpServerConfig webSocketConfig = httpConfig.toBuilder().name(kind.label() + "-ws").port(0).build();
            webSocket = new HttpServer(webSocketConfig, Router.of(List.of(webSocketEcho())), registry).start();
            if (kind.services().contains(Service.UDP_RELAY)) {
                udp = new UdpServer(udp(kind.label() + "-udp", options),
                        new UdpRelay(RelayConfig.DEFAULTS, new ChatRooms(RoomsConfig.DEFAULTS), registry)).start();
            }
            if (kind.services().contains(Service.UDP_ECHO)) {
                udpEcho = new UdpServer(udp(kind.label() + "-udp-echo", options), UDP_ECHO).start();
            }
            return new WeftEngine(kind, echo, http, https, webSocket, Optional.ofNullable(udp),
                    Optional.ofNullable(udpEcho));
        } catch (IOException | RuntimeException e) {
            echo.stop(Duration.ZERO);
            for (HttpServer started : new HttpServer[] {http, https, webSocket}) {
                if (started != null) {
                    started.stop(Duration.ZERO);
                }
            }
            if (udp != null) {
                udp.stop(Duration.ZERO);
            }
            throw e;
        }
    }

    /** The {@code http} sample's {@code /ws/echo}, at {@code /ws}: every message sent back as it came. */
    private static Route webSocketEcho() {
        return Route.websocket("/ws", WEBSOCKET, session -> {
            Message message;
            while ((message = session.receive()) != null) {
                session.send(message);
            }
        });
    }

    /** What Netty's HTTPS listener has too: both {@link TlsSuite}s, the shared generated certificate. */
    private static TlsConfig serverTls() throws IOException {
        GeneratedCertificate certificate = GeneratedCertificate.shared();
        try {
            PrivateKey key = (PrivateKey) certificate.keyStore().getKey(GeneratedCertificate.ALIAS, certificate.password());
            X509Certificate leaf = (X509Certificate) certificate.keyStore().getCertificate(GeneratedCertificate.ALIAS);
            return TlsConfig.builder()
                    .certificate(KeyMaterial.of(key, List.of(leaf)))
                    .cipherPolicy(new CipherPolicy(TlsSuite.protocols(), TlsSuite.cipherSuites()))
                    .noReloadChecks()
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated certificate", e);
        }
    }

    private static UdpServerConfig udp(String name, EngineOptions options) {
        return UdpServerConfig.builder().name(name).host(options.host())
                .receiveBufferBytes(UDP_BUFFER_BYTES).sendBufferBytes(UDP_BUFFER_BYTES).build();
    }

    private static TcpServerConfig tcp(String name, int port, ThreadMode mode, EngineOptions options) {
        return TcpServerConfig.builder()
                .name(name)
                .host(options.host())
                .port(port)
                .maxConnections(options.maxConnections())
                .acceptBacklog(4_096)
                .idleTimeout(Duration.ofMinutes(10))
                .shutdownGrace(Duration.ZERO)
                .threadMode(mode)
                .socketIo(SocketIo.valueOf(System.getProperty(SOCKET_IO_PROPERTY, SocketIo.AUTO.name())))
                .build();
    }

    /** The {@code echo} sample's handler: reads with {@code readSome}, so it waits with a small buffer. */
    private static void echo(Connection connection) throws IOException {
        BufferedInput in = new BufferedInput(connection, ECHO_CHUNK_BYTES);
        byte[] chunk;
        while ((chunk = in.readSome(ECHO_CHUNK_BYTES)) != null) {
            connection.write(chunk);
        }
        connection.shutdownOutput();
    }

    @Override
    public EngineKind kind() {
        return kind;
    }

    @Override
    public Map<Service, Integer> ports() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        ports.put(Service.ECHO, echo.port());
        ports.put(Service.HTTP, http.port());
        ports.put(Service.H2C, http.port());
        ports.put(Service.HTTPS, https.port());
        ports.put(Service.WEBSOCKET, webSocket.port());
        udp.ifPresent(server -> ports.put(Service.UDP_RELAY, server.port()));
        udpEcho.ifPresent(server -> ports.put(Service.UDP_ECHO, server.port()));
        return ports;
    }

    @Override
    public String transport() {
        String sockets = echo.socketIo() == SocketIo.EPOLL
                ? "Weft's epoll poller (edge-triggered, one registration per connection)"
                : "blocking JDK sockets (JDK poller)";
        return echo.config().server().threadMode().name().toLowerCase() + " thread per connection, " + sockets;
    }

    @Override
    public String description() {
        return "Weft TcpServer + HttpServer (HTTP/1.1 and h2c on one port, and over TLS, and WebSocket)"
                + (udp.isPresent() ? " + UdpRelay" : "")
                + (udpEcho.isPresent() ? " + UdpServer echo (inline dispatch)" : "") + ", "
                + echo.config().server().threadMode().name().toLowerCase() + " thread per connection";
    }

    @Override
    public void close() {
        udpEcho.ifPresent(server -> server.stop(Duration.ZERO));
        udp.ifPresent(server -> server.stop(Duration.ZERO));
        webSocket.stop(Duration.ZERO);
        https.stop(Duration.ZERO);
        http.stop(Duration.ZERO);
        echo.stop(Duration.ZERO);
    }
}
