package dev.weft.samples.chat;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.samples.tls.CertificateOptions;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chat [--port N] [--udp-port M] [--http-port H] [--redis URI --instance NAME] [--host
 * ADDRESS] [--max-line BYTES] [--tls [--cert CHAIN.pem --key KEY.pem [--key-password-file F]]]}:
 * a TCP line chat (over TLS with {@code --tls}), plus the UDP relay on port M sharing its rooms
 * when {@code --udp-port} is given, an HTTP server on port H ({@code GET /health}, and the web
 * chat: the page {@code /chat} and its WebSocket {@code /ws/chat}, in the same rooms) when
 * {@code --http-port} is, and the rooms shared with every instance using the same Redis when
 * {@code --redis} is.
 */
@Command(name = "chat", description = "TCP line chat (and UDP relay): every line goes to every other client of the room.")
public final class ChatMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 7008;

    @Option(names = "--udp-port", paramLabel = "M", converter = PortNumber.class,
            description = "also run the UDP relay on this port, sharing the rooms (default: no UDP relay)")
    private Optional<Integer> udpPort = Optional.empty();

    @Option(names = "--http-port", paramLabel = "H", converter = PortNumber.class,
            description = "also run an HTTP server on this port: the web chat at /chat (WebSocket /ws/chat, "
                    + "same rooms) and GET /health for load balancers (default: none)")
    private Optional<Integer> httpPort = Optional.empty();

    @Mixin
    private ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--max-line", paramLabel = "BYTES", converter = PositiveNumber.class,
            description = "longest line accepted (default: ${DEFAULT-VALUE})")
    private int maxLine = ChatConfig.DEFAULTS.maxLineBytes();

    @Option(names = "--tls", description = "speak TLS on --port (try: openssl s_client -connect 127.0.0.1:7008)")
    private boolean tls;

    @Mixin
    private CertificateOptions certificate = new CertificateOptions();

    private ChatMain() {
    }

    @Override
    protected void validate() {
        certificate.validate(tls, "--tls");
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        TcpServerConfig.Builder tcp = TcpServerConfig.builder().name("chat").host(host()).port(port);
        if (tls) {
            tcp.tls(certificate.tlsConfig("chat"));
        }
        TcpServerConfig server = tcp.build();
        ChatConfig chat = new ChatConfig(maxLine);
        UdpServerConfig udp = UdpServerConfig.builder().name("chat-udp").host(host()).port(udpPort.orElse(0)).build();
        HttpServerConfig http = HttpServerConfig.builder().name("chat-http").host(host()).port(httpPort.orElse(0)).build();
        ChatComponent app = DaggerChatComponent.factory()
                .create(server, chat, RoomsConfig.DEFAULTS, udp, RelayConfig.DEFAULTS, http, cluster.bridge());
        List<AutoCloseable> services = new ArrayList<>();
        app.cluster().ifPresent(bridge -> services.add(bridge.start())); // closed last, after the servers
        services.add(app.server().start());
        if (udpPort.isPresent()) {
            services.add(app.udpServer().start());
        }
        if (httpPort.isPresent()) {
            services.add(app.httpServer().start());
        }
        return services;
    }

    /** Runs the chat sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new ChatMain(), args);
    }
}
