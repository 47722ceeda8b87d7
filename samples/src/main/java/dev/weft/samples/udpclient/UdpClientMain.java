package dev.weft.samples.udpclient;

import dev.weft.samples.cli.CommandLine;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code udp-client --port M --nick NAME [--host ADDRESS] [--room ROOM]}: chat with the UDP relay
 * from a terminal, a line of standard input per message.
 *
 * <p>A client, not a server: it has no services to wire, so it has no Dagger component.
 */
public final class UdpClientMain {

    private static final Option<Integer> PORT = Option.port("port", 7009, "the relay's UDP port");
    private static final Option<String> HOST = Option.text("host", "ADDRESS", "127.0.0.1", "the relay's address");
    private static final Option<String> NICK = Option.text("nick", "NAME", null, "your nickname");
    private static final Option<String> ROOM = Option.text("room", "ROOM", "lobby", "the room to join first");
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    private static final List<Option<?>> OPTIONS = List.of(PORT, HOST, NICK, ROOM);
    private static final String SUMMARY = "UDP chat client: type lines to chat; /join ROOM, /quit.";

    private UdpClientMain() {
    }

    /** Runs the client on standard input and output; returns the exit status. */
    public static int run(String[] args) {
        CommandLine options;
        try {
            options = CommandLine.parse(OPTIONS, args);
        } catch (UsageException e) {
            System.err.println("udp-client: " + e.getMessage());
            System.err.print(CommandLine.usage("udp-client", SUMMARY, OPTIONS));
            return SampleLauncher.EXIT_USAGE;
        }
        if (options.helpRequested()) {
            System.out.print(CommandLine.usage("udp-client", SUMMARY, OPTIONS));
            return SampleLauncher.EXIT_OK;
        }
        UdpChatClient client = new UdpChatClient(new InetSocketAddress(options.get(HOST), options.get(PORT)),
                options.get(NICK), options.get(ROOM), KEEP_ALIVE);
        try {
            client.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
            return SampleLauncher.EXIT_OK;
        } catch (IOException e) {
            System.err.println("udp-client: " + e.getMessage());
            return SampleLauncher.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SampleLauncher.EXIT_FAILURE;
        }
    }

    /** Runs the UDP client on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
