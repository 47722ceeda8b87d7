package dev.weft.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw-socket HTTP client for tests: sends exactly the bytes given (no normalisation) and
 * parses responses itself, by {@code Content-Length}, chunked coding, or connection close.
 */
public final class RawHttpClient implements AutoCloseable {

    /** One parsed response. */
    public record RawResponse(String statusLine, Map<String, String> headers, String body) {
        public int status() {
            return Integer.parseInt(statusLine.substring(9, 12));
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpClient(int port, Duration timeout) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public RawHttpClient(int port) throws IOException {
        this(port, Duration.ofSeconds(5));
    }

    public RawHttpClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttpClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response; the body of a HEAD request must be read with {@link #readHead()}. */
    public RawResponse read() throws IOException {
        RawResponse head = readHead();
        String length = head.header("content-length");
        String body;
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            body = readChunked();
        } else if (length != null) {
            body = new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.ISO_8859_1);
        } else if (head.status() == 204 || head.status() == 304 || head.status() < 200) {
            body = "";
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        return new RawResponse(head.statusLine(), head.headers(), body);
    }

    /** Reads a status line and headers only. */
    public RawResponse readHead() throws IOException {
        String statusLine = readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        return new RawResponse(statusLine, headers, "");
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine().trim(), 16);
            if (size == 0) {
                readLine();
                return body.toString(StandardCharsets.ISO_8859_1);
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("stream ended after: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /** Whether the server closed the connection: a read sees end of stream (or a reset). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Everything until the server closes the connection. */
    public String readToEnd() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads until the server closes the connection, whether it closes with a FIN or — because
     * this client was still sending when the server closed, so the server's kernel answered with
     * RST — with a reset; returns what arrived before.
     */
    public String readUntilClosedOrReset() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                received.write(chunk, 0, n);
            }
        } catch (SocketException e) {
            if (!String.valueOf(e.getMessage()).contains("reset")) {
                throw e;
            }
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
