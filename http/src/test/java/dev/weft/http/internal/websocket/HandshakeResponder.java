package dev.weft.http.internal.websocket;

import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP responder on a raw {@link ServerSocket} (loopback, port 0) that performs the
 * WebSocket handshake with the engine and then runs sessions exactly as the HTTP server will
 * after the seams merge: the connection's thread writes the {@code 101} head and calls
 * {@link WebSocketSessions#serve}. One virtual thread per connection.
 */
final class HandshakeResponder implements AutoCloseable {

    private static final Duration JOIN = Duration.ofSeconds(10);

    private final ServerSocket server;
    private final WebSocketSessions sessions = new WebSocketSessions("test");
    private final WebSocketConfig config;
    private final WebSocketEndpoint endpoint;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    /** Every handshake request received, in order. */
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    HandshakeResponder(WebSocketConfig config, WebSocketEndpoint endpoint) throws IOException {
        this.config = config;
        this.endpoint = endpoint;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("test-acceptor").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    SessionCounters counters() {
        return sessions.counters();
    }

    WebSocketSessions sessions() {
        return sessions;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            Thread thread = Thread.ofVirtual().name("test-conn-" + connections.incrementAndGet()).unstarted(() -> {
                try (socket) {
                    serve(socket);
                } catch (IOException e) {
                    // the client went away during the handshake
                } finally {
                    sockets.remove(socket);
                    threads.remove(Thread.currentThread());
                }
            });
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        int headEnd;
        while ((headEnd = headEnd(received.toByteArray())) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            received.write(buffer, 0, n);
        }
        byte[] all = received.toByteArray();
        Request request = parse(new String(all, 0, headEnd, StandardCharsets.ISO_8859_1),
                (InetSocketAddress) socket.getRemoteSocketAddress());
        requests.add(request);
        OutputStream out = socket.getOutputStream();
        switch (WebSocketSessions.handshake(request, config)) {
            case HandshakeOutcome.Rejected rejected -> writeResponse(out, rejected.response());
            case HandshakeOutcome.Accepted accepted -> {
                out.write(accepted.responseHead());
                out.flush();
                sessions.serve(Thread.currentThread().getName(), new SocketUpgradedConnection(socket),
                        Arrays.copyOfRange(all, headEnd + 4, all.length), request, accepted, config, endpoint);
            }
        }
    }

    private static int headEnd(byte[] bytes) {
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static Request parse(String head, InetSocketAddress remote) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Headers.Builder headers = Headers.builder();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim());
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        return new Request(Method.valueOf(requestLine[0]), target, query < 0 ? target : target.substring(0, query),
                query < 0 ? "" : target.substring(query + 1), requestLine[2], headers.build(), Map.of(),
                InputStream.nullInputStream(), remote);
    }

    private static void writeResponse(OutputStream out, Response response) throws IOException {
        byte[] body = response.body() instanceof Response.Bytes bytes ? bytes.bytes() : new byte[0];
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status().code()).append(' ')
                .append(response.status().reason()).append("\r\n");
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            head.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Stops accepting, closes every connection, and waits until every thread of it has ended. */
    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(JOIN);
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (SocketException e) {
                // already closed
            }
        }
        for (Thread thread : threads) {
            if (!thread.join(JOIN)) {
                throw new AssertionError(thread + " still runs " + JOIN + " after its socket was closed");
            }
        }
        sessions.close();
    }
}
