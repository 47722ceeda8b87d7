package dev.weft.samples.udpclient;

import dev.weft.samples.cli.HostName;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code udp-client [--port M] --nick NAME [--host ADDRESS] [--room ROOM]}: chat with the UDP relay
 * from a terminal, a line of standard input per message.
 *
 * <p>A client, not a server: it has no services to wire, so it has no Dagger component.
 */
@Command(name = "udp-client", description = "UDP chat client: type lines to chat; /join ROOM, /quit.")
public final class UdpClientMain implements Callable<Integer> {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "the relay's UDP port (default: ${DEFAULT-VALUE})")
    private int port = 7009;

    @Option(names = "--host", paramLabel = "ADDRESS", converter = HostName.class,
            description = "the relay's address (default: ${DEFAULT-VALUE})")
    private String host = "127.0.0.1";

    @Option(names = "--nick", paramLabel = "NAME", required = true, description = "your nickname")
    private String nick;

    @Option(names = "--room", paramLabel = "ROOM", description = "the room to join first (default: ${DEFAULT-VALUE})")
    private String room = "lobby";

    private UdpClientMain() {
    }

    /** Runs the client on standard input and output; returns the exit status. */
    @Override
    public Integer call() {
        UdpChatClient client = new UdpChatClient(new InetSocketAddress(host, port), nick, room, KEEP_ALIVE);
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
        SampleLauncher.main(new UdpClientMain(), args);
    }
}
