package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raw WebSocket client for tests: a plain socket, a hand-written handshake, and frames
 * written and read byte for byte. Every read waits at most {@link #TIMEOUT} and then fails the
 * test, so nothing depends on timing except a hung server.
 */
final class RawClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String responseHead;

    private RawClient(Socket socket, String responseHead) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.responseHead = responseHead;
    }

    /** Connects and performs the handshake with extra header lines; fails unless it is a 101. */
    static RawClient connect(int port, String path, String... extraHeaders) throws IOException {
        RawClient client = open(port, path, extraHeaders);
        assertTrue(client.responseHead.startsWith("HTTP/1.1 101 "), client.responseHead);
        return client;
    }

    /** Connects and sends a handshake with extra header lines; whatever the answer. */
    static RawClient open(int port, String path, String... extraHeaders) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(KEY).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return send(port, request.append("\r\n").toString());
    }

    /** Sends {@code request} as it is and reads the response head. */
    static RawClient send(int port, String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new RawClient(socket, readHead(socket.getInputStream()));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + head);
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    String responseHead() {
        return responseHead;
    }

    /** The value of a response header (case-insensitive name), or null. */
    String responseHeader(String name) {
        for (String line : responseHead.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    void send(byte[]... frames) throws IOException {
        for (byte[] frame : frames) {
            out.write(frame);
        }
        out.flush();
    }

    /** Writes each byte in its own write call (and so, with TCP_NODELAY, its own segment). */
    void sendByteByByte(byte[] bytes) throws IOException {
        socket.setTcpNoDelay(true);
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    ServerFrame read() throws IOException {
        return ServerFrame.read(in);
    }

    /** Reads frames until a data or close frame, answering nothing; skips pings and pongs. */
    ServerFrame readData() throws IOException {
        while (true) {
            ServerFrame frame = read();
            if (frame.opcode() != 0x9 && frame.opcode() != 0xA) {
                return frame;
            }
        }
    }

    /** Reads the frames of one whole message (first frame to FIN), control frames skipped. */
    List<ServerFrame> readMessageFrames() throws IOException {
        List<ServerFrame> frames = new ArrayList<>();
        while (true) {
            ServerFrame frame = readData();
            frames.add(frame);
            if (frame.fin()) {
                return frames;
            }
        }
    }

    /**
     * Reads until a close frame, checks its code, then that the server closes the connection
     * (end of stream, or a reset after it).
     */
    ServerFrame expectCloseThenEnd(int code) throws IOException {
        ServerFrame close = readData();
        assertTrue(close.isClose(), "expected a close frame, got " + close);
        assertEquals(code, close.closeCode(), "close code; reason: " + close.closeReason());
        expectEnd();
        return close;
    }

    /** Asserts that the server closes the connection: end of stream (or reset) before any more frames. */
    void expectEnd() throws IOException {
        try {
            assertEquals(-1, in.read(), "the server should have closed the connection");
        } catch (SocketException e) {
            // a reset also ends the connection
        }
    }

    /** Whether the stream has ended, reading and dropping nothing else. */
    boolean atEnd() throws IOException {
        return in.read() < 0;
    }

    InputStream input() {
        return in;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static void assertNotClose(ServerFrame frame) {
        assertFalse(frame.isClose(), () -> "unexpected close: " + frame);
    }
}
