package dev.weft.samples.chat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** A relay peer over a real UDP socket; every receive has a timeout so no test can hang. */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress relay;

    UdpPeer(InetSocketAddress relay) throws IOException {
        this.relay = relay;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
    }

    void send(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, relay));
    }

    /** The next line from the relay, without its {@code "\n"}. */
    String read() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2_048], 2_048);
        socket.receive(packet);
        String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** Reads lines until one starts with {@code prefix}; returns it. */
    String readUntil(String prefix) throws IOException {
        return readUntil(line -> line.startsWith(prefix));
    }

    /** Reads lines until one is {@code wanted}; returns it. */
    String readUntil(Predicate<String> wanted) throws IOException {
        while (true) {
            String line = read();
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
