package dev.weft.http.internal.h2;

import dev.weft.http.Http2Config;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpLimits;
import dev.weft.http.internal.HeadScanner;
import dev.weft.http.internal.RequestHead;
import dev.weft.http.internal.RequestParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP/2 test server: a {@link ServerSocket} on loopback, one virtual thread per
 * connection running the engine — by prior knowledge when the client starts with the preface,
 * else by {@code Upgrade: h2c} from one HTTP/1.1 request (what {@code java.net.http} does). It
 * stands in for the HTTP/1.1 loop until the engine is integrated.
 */
final class H2TestServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Http2Config config;
    private final HttpLimits limits;
    private final HttpHandler handler;
    final H2Counters counters = new H2Counters();
    private final Set<Http2Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final Mode mode;

    /** How connections start. */
    enum Mode {
        /** As the plain port will: the preface means prior knowledge, else HTTP/1.1 with h2c upgrade. */
        SHARED_PORT,
        /** As after ALPN {@code h2}: the engine reads the preface itself. */
        H2_ONLY
    }

    H2TestServer(Http2Config config, HttpHandler handler) throws IOException {
        this(config, HttpLimits.DEFAULTS, handler, Mode.SHARED_PORT);
    }

    H2TestServer(Http2Config config, HttpLimits limits, HttpHandler handler, Mode mode) throws IOException {
        this.mode = mode;
        this.config = config;
        this.limits = limits;
        this.handler = handler;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("h2-test-acceptor").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The connections being served. */
    int connectionCount() {
        return connections.size();
    }

    /** The streams in progress on all connections. */
    int activeStreams() {
        return connections.stream().mapToInt(Http2Connection::activeStreams).sum();
    }

    /** Stops every connection gracefully with {@code grace}. */
    void stop(Duration grace) {
        connections.forEach(connection -> connection.stop(grace));
    }

    private void accept() {
        int n = 0;
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                String name = "h2-test-" + n++;
                Thread thread = Thread.ofVirtual().name(name).unstarted(() -> serve(socket, name));
                threads.add(thread);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, String name) {
        try (socket) {
            SocketWire wire = new SocketWire(socket);
            Http2Connection connection = new Http2Connection(wire, config, limits, handler, "Weft", counters, name);
            connections.add(connection);
            try {
                if (mode == Mode.H2_ONLY) {
                    connection.run(new byte[0]);
                    return;
                }
                byte[] start = readStart(socket.getInputStream());
                if (Preface.match(start, 0, start.length) == Preface.Match.PREFACE) {
                    connection.run(start);
                } else {
                    upgrade(socket, connection, start);
                }
            } finally {
                connections.remove(connection);
            }
        } catch (IOException e) {
            // The client went away before the protocol was chosen.
        } finally {
            threads.remove(Thread.currentThread());
        }
    }

    /** Reads until the preface is recognisable or an HTTP/1.1 head is complete. */
    private static byte[] readStart(InputStream in) throws IOException {
        byte[] bytes = new byte[0];
        byte[] chunk = new byte[16_384];
        while (true) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("closed before the first request");
            }
            bytes = Arrays.copyOf(bytes, bytes.length + n);
            System.arraycopy(chunk, 0, bytes, bytes.length - n, n);
            Preface.Match match = Preface.match(bytes, 0, bytes.length);
            if (match == Preface.Match.PREFACE || (match == Preface.Match.NOT_PREFACE && indexOfHeadEnd(bytes) >= 0)) {
                return bytes;
            }
        }
    }

    private static int indexOfHeadEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private void upgrade(Socket socket, Http2Connection connection, byte[] start) throws IOException {
        InputStream in = socket.getInputStream();
        while (indexOfHeadEnd(start) < 0) {
            byte[] more = in.readNBytes(1);
            if (more.length == 0) {
                return;
            }
            start = Arrays.copyOf(start, start.length + 1);
            start[start.length - 1] = more[0];
        }
        HeadScanner scanner = new HeadScanner(limits);
        scanner.scan(start, 0, start.length);
        RequestHead head = new RequestParser(limits).parse(start, 0, scanner);
        int headEnd = scanner.headLength();
        int bodyLength = (int) head.contentLength();
        byte[] rest = Arrays.copyOfRange(start, headEnd, start.length);
        byte[] body = Arrays.copyOf(rest, Math.max(bodyLength, 0));
        int have = Math.min(rest.length, bodyLength);
        while (have < bodyLength) {
            int n = in.read(body, have, bodyLength - have);
            if (n < 0) {
                return;
            }
            have += n;
        }
        byte[] after = rest.length > bodyLength ? Arrays.copyOfRange(rest, bodyLength, rest.length) : new byte[0];
        Optional<H2cUpgrade> upgrade = H2cUpgrade.of(head.method().name(), head.target(), head.headers(), body);
        if (upgrade.isEmpty()) {
            socket.getOutputStream().write(("HTTP/1.1 426 Upgrade Required\r\nUpgrade: h2c\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return;
        }
        socket.getOutputStream().write(H2cUpgrade.SWITCHING_PROTOCOLS);
        connection.runUpgraded(upgrade.get(), after);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.forEach(connection -> connection.stop(Duration.ZERO));
        try {
            acceptor.join();
            for (Thread thread : Set.copyOf(threads)) {
                thread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
