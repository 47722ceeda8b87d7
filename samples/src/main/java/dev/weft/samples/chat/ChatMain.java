package dev.weft.samples.chat;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.util.List;

/** {@code chat --port N [--host ADDRESS] [--max-line BYTES]}: a TCP line chat. */
public final class ChatMain {

    private static final Option<Integer> PORT = Option.port("port", 7008, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<Integer> MAX_LINE = Option.positiveInt("max-line", "BYTES",
            ChatConfig.DEFAULTS.maxLineBytes(), "longest line accepted");

    private ChatMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("chat", "TCP line chat: every line goes to every other client.",
                List.of(PORT, HOST, MAX_LINE), args, options -> {
                    TcpServerConfig server = TcpServerConfig.builder().name("chat")
                            .host(options.get(HOST)).port(options.get(PORT)).build();
                    ChatConfig chat = new ChatConfig(options.get(MAX_LINE), ChatConfig.DEFAULTS.maxNickLength());
                    return List.of(DaggerChatComponent.factory().create(server, chat).server().start());
                });
    }

    /** Runs the chat sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
