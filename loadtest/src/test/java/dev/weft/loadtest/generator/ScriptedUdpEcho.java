package dev.weft.loadtest.generator;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A UDP echo server on a thread of its own that misbehaves on purpose: every
 * {@code dropEvery}-th datagram is not answered, every {@code corruptEvery}-th is answered with
 * its last byte changed ({@link Integer#MAX_VALUE} for either means never, in practice).
 */
final class ScriptedUdpEcho implements AutoCloseable {

    private final DatagramSocket socket;
    private final int dropEvery;
    private final int corruptEvery;
    private final Thread loop;

    ScriptedUdpEcho(int dropEvery, int corruptEvery) throws IOException {
        this.dropEvery = dropEvery;
        this.corruptEvery = corruptEvery;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(1 << 20);
        loop = Thread.ofPlatform().name("scripted-udp-echo").start(this::serve);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void serve() {
        DatagramPacket packet = new DatagramPacket(new byte[4_096], 4_096);
        for (long received = 1; ; received++) {
            try {
                packet.setLength(4_096);
                socket.receive(packet);
                if (received % dropEvery == 0) {
                    continue;
                }
                if (received % corruptEvery == 0) {
                    packet.getData()[packet.getLength() - 1] ^= 1;
                }
                socket.send(packet);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join();
    }
}
