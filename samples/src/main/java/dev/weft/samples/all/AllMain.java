package dev.weft.samples.all;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.samples.chat.ChatConfig;
import dev.weft.samples.cli.CommandLine;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServer;
import dev.weft.udp.UdpServerConfig;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code all [--http-port N] [--echo-port N] [--chat-port N] [--udp-port N] [--host ADDRESS]}:
 * every sample protocol in one process — the {@code http} sample's routes (without static
 * files), echo, chat and the chat's UDP relay, on one registry. Port 0 picks an ephemeral port;
 * the ports bound are logged in one line, {@code serving http=P echo=P chat=P udp=P}, which
 * {@code scripts/soak.sh} reads.
 */
public final class AllMain {

    private static final Logger log = LoggerFactory.getLogger(AllMain.class);

    private static final Option<Integer> HTTP_PORT = Option.port("http-port", 8080, "TCP port of the HTTP server");
    private static final Option<Integer> ECHO_PORT = Option.port("echo-port", 7007, "TCP port of the echo server");
    private static final Option<Integer> CHAT_PORT = Option.port("chat-port", 7008, "TCP port of the chat server");
    private static final Option<Integer> UDP_PORT = Option.port("udp-port", 7009, "UDP port of the chat relay");
    private static final Option<String> HOST = Option.host("0.0.0.0");

    private AllMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("all", "HTTP, echo, chat and the UDP chat relay in one process, on one registry.",
                List.of(HTTP_PORT, ECHO_PORT, CHAT_PORT, UDP_PORT, HOST), args, AllMain::start);
    }

    private static List<AutoCloseable> start(CommandLine options) throws Exception {
        String host = options.get(HOST);
        AllComponent app = DaggerAllComponent.factory().create(
                HttpServerConfig.of(TcpServerConfig.builder().name("http").host(host).port(options.get(HTTP_PORT)).build()),
                request -> Response.text(Status.NOT_FOUND_404, "no static files in the all sample\n"),
                TcpServerConfig.builder().name("echo").host(host).port(options.get(ECHO_PORT)).build(),
                TcpServerConfig.builder().name("chat").host(host).port(options.get(CHAT_PORT)).build(),
                ChatConfig.DEFAULTS,
                RoomsConfig.DEFAULTS,
                UdpServerConfig.builder().name("chat-udp").host(host).port(options.get(UDP_PORT)).build(),
                RelayConfig.DEFAULTS);
        HttpServer http = app.httpServer().start();
        TcpServer echo = app.echoServer().start();
        TcpServer chat = app.chatServer().start();
        UdpServer udp = app.udpServer().start();
        log.info("serving http={} echo={} chat={} udp={}", http.port(), echo.port(), chat.port(), udp.port());
        return List.of(http, echo, chat, udp);
    }

    /** Runs the all sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
