package dev.weft.samples.chat;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code chat --port N [--udp-port M] [--host ADDRESS] [--max-line BYTES]}: a TCP line chat,
 * plus the UDP relay on port M sharing its rooms when {@code --udp-port} is given.
 */
public final class ChatMain {

    private static final Option<Integer> PORT = Option.port("port", 7008, "TCP port to listen on");
    private static final Option<RelayPort> UDP_PORT = new Option<>("udp-port", "M",
            "also run the UDP relay on this port, sharing the rooms", new RelayPort(OptionalInt.empty()),
            text -> new RelayPort(OptionalInt.of(Option.port("udp-port", 0, "").parser().apply(text))));
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<Integer> MAX_LINE = Option.positiveInt("max-line", "BYTES",
            ChatConfig.DEFAULTS.maxLineBytes(), "longest line accepted");

    private ChatMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("chat", "TCP line chat (and UDP relay): every line goes to every other client of the room.",
                List.of(PORT, UDP_PORT, HOST, MAX_LINE), args, options -> {
                    TcpServerConfig server = TcpServerConfig.builder().name("chat")
                            .host(options.get(HOST)).port(options.get(PORT)).build();
                    ChatConfig chat = new ChatConfig(options.get(MAX_LINE));
                    OptionalInt udpPort = options.get(UDP_PORT).port();
                    UdpServerConfig udp = UdpServerConfig.builder().name("chat-udp")
                            .host(options.get(HOST)).port(udpPort.orElse(0)).build();
                    ChatComponent app = DaggerChatComponent.factory()
                            .create(server, chat, RoomsConfig.DEFAULTS, udp, RelayConfig.DEFAULTS);
                    List<AutoCloseable> services = new ArrayList<>();
                    services.add(app.server().start());
                    if (udpPort.isPresent()) {
                        services.add(app.udpServer().start());
                    }
                    return services;
                });
    }

    /** The {@code --udp-port} option: a port, or none for no relay. */
    private record RelayPort(OptionalInt port) {
        @Override
        public String toString() {
            return port.isPresent() ? String.valueOf(port.getAsInt()) : "none: no UDP relay";
        }
    }

    /** Runs the chat sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
