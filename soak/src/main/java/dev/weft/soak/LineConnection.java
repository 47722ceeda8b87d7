package dev.weft.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A TCP connection that speaks lines of UTF-8, every read bounded by a timeout. */
final class LineConnection implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader reader;
    private final OutputStream out;

    LineConnection(InetSocketAddress server, Duration timeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    void say(String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String readLine() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    /** Reads lines until one starts with {@code prefix} (skipping notices such as joins); returns it. */
    String readUntil(String prefix) throws IOException {
        while (true) {
            String line = readLine();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Closes with a reset (RST) instead of the orderly FIN, as a crashing client would. */
    void reset() throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed by the peer: nothing to reset; the close below is all that is left.
        }
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
