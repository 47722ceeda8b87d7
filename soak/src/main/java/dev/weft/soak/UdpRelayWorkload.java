package dev.weft.soak;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A UDP peer of the chat relay and a TCP chat client in a room of their own: the peer's
 * {@code MSG} must reach the TCP client, the TCP client's line must reach the peer, and the
 * peer's {@code PING} must be answered {@code PONG} — both protocols over the one registry.
 * Every {@link ChatPairWorkload#EXCHANGES_PER_SESSION} exchanges the peer leaves and both are
 * replaced. Loopback at a moderate rate loses no datagrams, so a missing answer is a failure.
 */
final class UdpRelayWorkload implements Workload {

    private final InetSocketAddress tcpServer;
    private final InetSocketAddress relay;
    private final Duration timeout;
    private final int worker;
    private int session;
    private DatagramSocket peer;
    private String peerNickname;
    private ChatPairWorkload.Participant tcp;

    UdpRelayWorkload(InetSocketAddress tcpServer, InetSocketAddress relay, Duration timeout, int worker) {
        this.tcpServer = tcpServer;
        this.relay = relay;
        this.timeout = timeout;
        this.worker = worker;
    }

    @Override
    public void exchange(long sequence) throws Exception {
        if (peer == null) {
            join();
        }
        send("MSG up " + sequence);
        WrongAnswerException.check("relayed datagram", peerNickname + ": up " + sequence,
                tcp.connection().readUntil(peerNickname + ": "));
        tcp.connection().say("down " + sequence);
        WrongAnswerException.check("relayed line", tcp.nickname() + ": down " + sequence,
                receiveUntil(tcp.nickname() + ": "));
        send("PING");
        WrongAnswerException.check("ping", "PONG", receiveUntil("PONG"));
        if (sequence % ChatPairWorkload.EXCHANGES_PER_SESSION == ChatPairWorkload.EXCHANGES_PER_SESSION - 1) {
            send("LEAVE");
            WrongAnswerException.check("leave", "OK left " + room(), receiveUntil("OK left"));
            close();
        }
    }

    private void join() throws IOException, WrongAnswerException {
        session++;
        tcp = ChatPairWorkload.Participant.enter(tcpServer, timeout, "soak-t-" + worker + "-" + session, room());
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout((int) timeout.toMillis());
        peerNickname = "soak-u-" + worker + "-" + session;
        send("JOIN " + room() + " " + peerNickname);
        WrongAnswerException.check("join", "OK joined " + room() + " as " + peerNickname, receiveUntil("OK joined"));
    }

    private String room() {
        return "soak-mix-" + worker;
    }

    private void send(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, relay));
    }

    /** Receives datagrams until one starts with {@code prefix}; returns it without its line end. */
    private String receiveUntil(String prefix) throws IOException {
        byte[] buffer = new byte[2_048];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                peer.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no datagram starting with '" + prefix + "' within " + timeout);
            }
            String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8).strip();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        ChatPairWorkload.Participant.closeQuietly(tcp);
        if (peer != null) {
            peer.close();
        }
        tcp = null;
        peer = null;
    }
}
