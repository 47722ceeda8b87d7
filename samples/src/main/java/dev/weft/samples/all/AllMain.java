package dev.weft.samples.all;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.samples.chat.ChatConfig;
import dev.weft.samples.chat.ClusterOptions;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code all [--http-port N] [--echo-port N] [--chat-port N] [--udp-port N] [--redis URI
 * --instance NAME] [--host ADDRESS]}: every sample protocol in one process — the {@code http}
 * sample's routes (without static files, with {@code /ws/echo}) and the chat's ({@code GET /health},
 * the web chat at {@code /chat} and {@code /ws/chat}), echo, chat and the
 * chat's UDP relay, on one registry; with {@code --redis}, the chat's rooms are shared with every
 * instance using the same Redis. Port 0 picks an ephemeral port;
 * the ports bound are logged in one line, {@code serving http=P echo=P chat=P udp=P}, which
 * {@code scripts/soak.sh} reads.
 */
@Command(name = "all", description = "HTTP, echo, chat and the UDP chat relay in one process, on one registry.")
public final class AllMain extends ServerSample {

    private static final Logger log = LoggerFactory.getLogger(AllMain.class);

    @Option(names = "--http-port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port of the HTTP server (default: ${DEFAULT-VALUE})")
    private int httpPort = 8080;

    @Option(names = "--echo-port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port of the echo server (default: ${DEFAULT-VALUE})")
    private int echoPort = 7007;

    @Option(names = "--chat-port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port of the chat server (default: ${DEFAULT-VALUE})")
    private int chatPort = 7008;

    @Option(names = "--udp-port", paramLabel = "N", converter = PortNumber.class,
            description = "UDP port of the chat relay (default: ${DEFAULT-VALUE})")
    private int udpPort = 7009;

    @Mixin
    private ClusterOptions cluster = new ClusterOptions();

    private AllMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        String host = host();
        AllComponent app = DaggerAllComponent.factory().create(
                HttpServerConfig.builder().host(host).port(httpPort).build(),
                request -> Response.text(Status.NOT_FOUND_404, "no static files in the all sample\n"),
                TcpServerConfig.builder().name("echo").host(host).port(echoPort).build(),
                TcpServerConfig.builder().name("chat").host(host).port(chatPort).build(),
                ChatConfig.DEFAULTS,
                RoomsConfig.DEFAULTS,
                UdpServerConfig.builder().name("chat-udp").host(host).port(udpPort).build(),
                RelayConfig.DEFAULTS,
                cluster.bridge());
        List<AutoCloseable> services = new ArrayList<>();
        app.cluster().ifPresent(bridge -> services.add(bridge.start())); // closed last, after the servers
        HttpServer http = app.httpServer().start();
        TcpServer echo = app.echoServer().start();
        TcpServer chat = app.chatServer().start();
        UdpServer udp = app.udpServer().start();
        log.info("serving http={} echo={} chat={} udp={}", http.port(), echo.port(), chat.port(), udp.port());
        services.addAll(List.of(http, echo, chat, udp));
        return services;
    }

    /** Runs the all sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new AllMain(), args);
    }
}
