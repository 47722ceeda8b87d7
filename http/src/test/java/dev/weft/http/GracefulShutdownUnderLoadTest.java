package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code stop(grace)} while clients hammer the server: every request a handler took gets its
 * complete response, new connections are refused, and no response is cut in half.
 */
@ExtendWith(PinningRecorder.class)
class GracefulShutdownUnderLoadTest {

    private static final int CLIENTS = 8;
    private static final byte[] BODY = body(32 * 1024);
    private static final byte[] REQUEST = "GET /work HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger heldInHandler = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean holding;

    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger cutShort = new AtomicInteger();
    private final List<String> cuts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    /** Lets handlers a failed test left waiting end, before the extension stops the server. */
    @AfterEach
    void releaseHandlers() {
        release.countDown();
    }

    @Test
    void everyRequestTakenGetsItsWholeResponseAndNewConnectionsAreRefused() throws Exception {
        Router router = Router.of(List.of(Route.get("/work", request -> {
            handled.incrementAndGet();
            if (holding) {
                heldInHandler.incrementAndGet();
                assertTrue(release.await(20, TimeUnit.SECONDS), "never released");
            }
            return Response.bytes(Status.OK_200, "application/octet-stream", BODY);
        })));
        HttpServer server = servers.start(new HttpServer(HttpServerConfig.loopback(0), router));
        int port = server.port();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofVirtual().name("hammer-" + i).start(() -> hammer(port)));
        }

        Poll.until("200 complete responses", () -> complete.get() >= 200);
        holding = true; // from now on requests stay in their handler until released
        Poll.until("requests held in their handlers", () -> heldInHandler.get() >= CLIENTS / 2);
        Thread stopper = Thread.ofVirtual().start(() -> server.stop(Duration.ofSeconds(20)));
        Poll.until("new connections to be refused", () -> isRefused(port));
        release.countDown();

        stopper.join(Duration.ofSeconds(30));
        assertFalse(stopper.isAlive(), "stop(grace) did not return");
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(30));
            assertFalse(client.isAlive(), client + " still runs");
        }
        assertEquals(0, cutShort.get(), "responses cut short: " + cuts);
        assertEquals(handled.get(), complete.get(), "every request a handler took was answered in full");
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertEquals(0, server.metrics().threads());
    }

    /** Sends requests on kept-alive connections, reconnecting when the server closes one, until refused. */
    private void hammer(int port) {
        while (true) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(30_000);
                while (exchange(socket)) {
                    complete.incrementAndGet();
                }
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                cutShort.incrementAndGet();
                cuts.add(e.toString());
                return;
            }
        }
    }

    /**
     * One request and its response.
     *
     * @return true for a complete, correct response; false when the server closed the connection
     *     before sending any byte of one (the request was not taken)
     * @throws IOException when a response was cut short or is wrong
     */
    private static boolean exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        try {
            out.write(REQUEST);
            out.flush();
        } catch (SocketException closedBeforeTheRequest) {
            return false;
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        try {
            while (!endsWithBlankLine(head) && (b = in.read()) >= 0) {
                head.write(b);
            }
        } catch (SocketException resetBeforeAResponse) {
            if (head.size() == 0) {
                return false;
            }
            throw new IOException("reset after " + head.size() + " bytes of a head", resetBeforeAResponse);
        }
        if (head.size() == 0) {
            return false;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!endsWithBlankLine(head) || !text.startsWith("HTTP/1.1 200 OK\r\n")) {
            throw new IOException("incomplete or wrong head: " + text);
        }
        int length = contentLength(text);
        byte[] body = in.readNBytes(length);
        if (!Arrays.equals(BODY, body)) {
            throw new IOException("body of " + body.length + " bytes, " + length + " announced, " + BODY.length + " sent");
        }
        return true;
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    private static int contentLength(String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        throw new IOException("no Content-Length: " + head);
    }

    private static boolean isRefused(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException e) {
            throw new AssertionError("connecting failed otherwise than by refusal", e);
        }
    }

    private static byte[] body(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }
}
