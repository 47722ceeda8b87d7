package dev.weft.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One member of {@link ChatClusterBenchmark}: a real TCP client of one chat instance, in one
 * room, whose own virtual thread reads every line it is sent and hands the benchmark's lines —
 * {@code <nickname>: b <seq> <speaker> <sentNanos> <phase>} — to the {@link Tally}.
 */
final class BenchMember implements AutoCloseable {

    final int index;
    final int instance;
    final String room;
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private long said;

    private BenchMember(int index, int instance, String room, Socket socket) throws IOException {
        this.index = index;
        this.instance = instance;
        this.room = room;
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /** Connects to the instance at {@code port}, takes the nickname {@code m<index>} and joins {@code room}. */
    static BenchMember join(int index, int instance, int port, String room) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(60_000);
        BenchMember member = new BenchMember(index, instance, room, socket);
        member.await("* welcome, ");
        member.send("/nick m" + index);
        member.await("* you are now m" + index);
        member.send("/join " + room);
        member.await("* you are in " + room);
        return member;
    }

    private void await(String prefix) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("!")) {
                throw new IOException("m" + index + " was refused: " + line);
            }
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new IOException("m" + index + " was disconnected while joining");
    }

    /** Reads until the connection ends, on a virtual thread of its own. */
    void listen(Tally tally) throws IOException {
        socket.setSoTimeout(0);
        Thread.ofVirtual().name("bench-m" + index).start(() -> {
            Map<Integer, Long> lastSeqBySpeaker = new HashMap<>();
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    tally.heard(this, line, lastSeqBySpeaker);
                }
            } catch (IOException e) {
                // closed at the end of the run
            }
        });
    }

    /** Says the next benchmark line, of {@code phase} (see {@link Tally#PHASES}); only the speaking thread calls it. */
    void speak(char phase) throws IOException {
        send("b " + ++said + " " + index + " " + System.nanoTime() + " " + phase);
    }

    private void send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
