package dev.weft.samples;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client ({@code java.net.http.WebSocket}) as a blocking test client:
 * whole messages (parts joined) and the close arrive in one queue, read with a timeout.
 */
public final class JdkWebSocketClient implements AutoCloseable {

    /** How long every wait lasts at most. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the server sent: a whole text or binary message, or its close. */
    public sealed interface Event permits Text, Binary, Closed {
    }

    /** A whole text message. */
    public record Text(String text) implements Event {
    }

    /** A whole binary message. */
    public record Binary(byte[] data) implements Event {
    }

    /** The server's close. */
    public record Closed(int code, String reason) implements Event {
    }

    private final HttpClient http;
    private final WebSocket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private JdkWebSocketClient(URI uri, String... headers) throws Exception {
        this.http = HttpClient.newHttpClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            this.socket = builder.buildAsync(uri, new Collector()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            http.close();
            throw e;
        }
    }

    /**
     * Opens a session.
     *
     * @param uri     {@code ws://host:port/path}
     * @param headers extra handshake fields, as name, value, name, value…
     * @return the client, connected
     * @throws Exception when the handshake fails or times out
     */
    public static JdkWebSocketClient connect(URI uri, String... headers) throws Exception {
        return new JdkWebSocketClient(uri, headers);
    }

    /** Sends one whole text message and waits until it is written. */
    public void sendText(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends one whole binary message and waits until it is written. */
    public void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next event; fails when none comes in time. */
    public Event next() throws InterruptedException {
        Event event = events.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("nothing arrived within " + TIMEOUT);
        }
        return event;
    }

    /** The next event, which must be a text message. */
    public String nextText() throws InterruptedException {
        Event event = next();
        if (event instanceof Text text) {
            return text.text();
        }
        throw new AssertionError("expected a text message, got " + event);
    }

    /** Reads text messages until one starts with {@code prefix}; returns it. Fails on anything else. */
    public String nextTextStartingWith(String prefix) throws InterruptedException {
        while (true) {
            String text = nextText();
            if (text.startsWith(prefix)) {
                return text;
            }
        }
    }

    /** The next event, which must be a binary message. */
    public byte[] nextBinary() throws InterruptedException {
        Event event = next();
        if (event instanceof Binary binary) {
            return binary.data();
        }
        throw new AssertionError("expected a binary message, got " + event);
    }

    /** Sends a normal close and waits for the server's. */
    public Closed closeNormally() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (true) {
            if (next() instanceof Closed closed) {
                return closed;
            }
        }
    }

    /** Drops the connection (if still open) and the HTTP client. */
    @Override
    public void close() {
        socket.abort();
        http.close();
    }

    /** Joins the parts of each message as the JDK delivers them. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                events.add(new Text(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                events.add(new Binary(binary.toByteArray()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Closed(statusCode, reason));
            return null;
        }
    }
}
