package dev.weft.udp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A UDP client on its own loopback port, talking to one server; every receive times out. */
final class TestPeer implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final byte[] buffer = new byte[70_000];

    TestPeer(InetSocketAddress server) {
        this.server = server;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout((int) TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This peer's address and port, as the server sees it. */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends {@code text} as one datagram, exactly as given (no line end added). */
    void send(String text) {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, as text. */
    String receiveRaw() {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram within " + TIMEOUT + " at " + address(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** The next line from the relay, which must end with {@code "\n"}; returned without it. */
    String receive() {
        String line = receiveRaw();
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1,
                () -> "one line ending in \\n per datagram: " + line);
        return line.substring(0, line.length() - 1);
    }

    /** The next line that is not a room notice ({@code "* ..."}). */
    String receiveSkippingNotices() {
        while (true) {
            String line = receive();
            if (!line.startsWith("* ")) {
                return line;
            }
        }
    }

    /** Sends {@code line} and returns the next line that is not a room notice. */
    String request(String line) {
        send(line);
        return receiveSkippingNotices();
    }

    @Override
    public void close() {
        socket.close();
    }
}
