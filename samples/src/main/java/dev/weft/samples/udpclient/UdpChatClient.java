package dev.weft.samples.udpclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal client of the UDP relay: joins a room, sends each input line as {@code MSG},
 * prints every line the relay sends, keeps itself alive with {@code PING} and joins again when
 * told {@code EXPIRED}. Input commands: {@code /join ROOM} and {@code /quit}; end of input quits
 * too. Quitting sends {@code LEAVE}.
 */
public final class UdpChatClient {

    private static final Logger log = LoggerFactory.getLogger(UdpChatClient.class);
    /** The longest datagram accepted; the relay's lines are far shorter. */
    private static final int MAX_DATAGRAM_BYTES = 65_507;

    private final InetSocketAddress relay;
    private final String nickname;
    private final Duration keepAlive;
    private volatile String room;
    private volatile long lastSentNanos = System.nanoTime();

    /**
     * @param relay     the relay's address
     * @param nickname  the nickname to join under
     * @param room      the room to join first
     * @param keepAlive how long to stay silent before sending {@code PING}; keep it under the
     *                  relay's idle timeout (60 seconds by default)
     */
    public UdpChatClient(InetSocketAddress relay, String nickname, String room, Duration keepAlive) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.nickname = Objects.requireNonNull(nickname, "nickname");
        this.room = Objects.requireNonNull(room, "room");
        this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
    }

    /**
     * Chats until {@code /quit} or the end of {@code input}, printing what the relay sends to
     * {@code output}.
     */
    public void run(BufferedReader input, PrintStream output) throws IOException, InterruptedException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) keepAlive.toMillis());
            Thread receiver = Thread.ofVirtual().name("udp-client-receive").start(() -> receive(socket, output));
            send(socket, "JOIN " + room + " " + nickname);
            for (String line; (line = input.readLine()) != null && !line.equals("/quit"); ) {
                if (line.startsWith("/join ")) {
                    room = line.substring("/join ".length()).strip();
                    send(socket, "JOIN " + room + " " + nickname);
                } else if (!line.isBlank()) {
                    send(socket, "MSG " + line);
                }
            }
            send(socket, "LEAVE");
            socket.close();
            receiver.join();
        }
    }

    private void receive(DatagramSocket socket, PrintStream output) {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                keepAlive(socket);
                continue;
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("receiving from the relay failed: {}", e.toString());
                }
                return;
            }
            keepAlive(socket);
            String line = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            if (line.equals("PONG\n")) {
                continue;
            }
            output.print(line);
            output.flush();
            if (line.equals("EXPIRED\n")) {
                send(socket, "JOIN " + room + " " + nickname);
            }
        }
    }

    /** The relay expires peers that send nothing, however much they receive: ping when silent. */
    private void keepAlive(DatagramSocket socket) {
        if (System.nanoTime() - lastSentNanos >= keepAlive.toNanos()) {
            send(socket, "PING");
        }
    }

    private void send(DatagramSocket socket, String line) {
        lastSentNanos = System.nanoTime();
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, relay));
        } catch (IOException e) {
            if (!socket.isClosed()) {
                log.warn("sending to the relay failed: {}", e.toString());
            }
        }
    }
}
