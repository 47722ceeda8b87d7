package dev.weft.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A blocking test client over a real socket, with a read timeout so no test can hang. */
final class TestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final BufferedReader reader;
    private final OutputStream out;

    TestClient(int port) throws IOException {
        this(port, 0);
    }

    /** A client whose receive buffer is fixed at {@code receiveBufferBytes} (0: kernel default). */
    TestClient(int port, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String readLine() throws IOException {
        return reader.readLine();
    }

    /** Reads until the server closes; returns -1 then, or the first byte if it did not close. */
    int readByte() throws IOException {
        return reader.read();
    }

    /** Closes with a TCP reset instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
