package dev.weft.loadtest.generator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal stand-in for Weft's UDP relay, one room: {@code JOIN} answers {@code OK joined} and
 * tells the others {@code * <nick> joined}; {@code MSG <text>} goes to every other peer as
 * {@code <nick>: <text>}, except that every {@code dropEvery}-th copy is dropped on purpose.
 */
final class ScriptedRelay implements AutoCloseable {

    private final DatagramSocket socket;
    private final int dropEvery;
    private final Map<SocketAddress, String> peers = new LinkedHashMap<>();
    private final Thread loop;
    private long copies;

    /** A relay dropping every {@code dropEvery}-th copy; {@link Integer#MAX_VALUE} drops none in practice. */
    ScriptedRelay(int dropEvery) throws IOException {
        this.dropEvery = dropEvery;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        loop = Thread.ofVirtual().name("scripted-relay").start(this::serve);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void serve() {
        DatagramPacket packet = new DatagramPacket(new byte[4_096], 4_096);
        while (true) {
            try {
                packet.setLength(4_096);
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                SocketAddress from = packet.getSocketAddress();
                if (text.startsWith("JOIN ")) {
                    String nick = text.split(" ")[2];
                    send("OK joined as " + nick, from);
                    tellOthers(from, "* " + nick + " joined");
                    peers.put(from, nick);
                } else if (text.startsWith("MSG ") && peers.containsKey(from)) {
                    tellOthers(from, peers.get(from) + ": " + text.substring(4));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void tellOthers(SocketAddress from, String text) throws IOException {
        for (SocketAddress peer : peers.keySet()) {
            if (!peer.equals(from) && ++copies % dropEvery != 0) {
                send(text, peer);
            }
        }
    }

    private void send(String text, SocketAddress to) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join();
    }
}
