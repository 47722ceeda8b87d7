package dev.weft.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client ({@code java.net.http.WebSocket}) as a blocking test client:
 * whole messages (their parts joined), pongs and the server's close arrive in one queue, which
 * a test reads with a timeout, so no test can hang on a server that stays silent.
 *
 * <pre>{@code
 * try (WebSocketTestClient client = WebSocketTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws/echo"))) {
 *     client.sendText("hello");
 *     assertEquals("hello", client.nextText());
 *     assertEquals(1000, client.closeNormally().code());
 * }
 * }</pre>
 *
 * <p>Like a browser's, the JDK's client sends no {@code Sec-WebSocket-Extensions} (it never
 * offers {@code permessage-deflate}); unlike a browser's, it sends no {@code Origin} unless a
 * test adds one as a header field. {@link #webSocket()} gives the JDK's client itself, for what
 * this class does not wrap (fragments, pings).
 */
public final class WebSocketTestClient implements AutoCloseable {

    /** How long every wait lasts at most: the handshake, a send, the next event. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What the server sent: a whole text or binary message, a pong, or its close. */
    public sealed interface Event permits Text, Binary, Pong, Closed {
    }

    /**
     * A whole text message.
     *
     * @param text the message
     */
    public record Text(String text) implements Event {
    }

    /**
     * A whole binary message.
     *
     * @param data the message
     */
    public record Binary(byte[] data) implements Event {
    }

    /**
     * A pong.
     *
     * @param data its application data
     */
    public record Pong(byte[] data) implements Event {
    }

    /**
     * The server's close frame.
     *
     * @param code   its status code ({@code 1005} when it had none)
     * @param reason its reason, possibly empty
     */
    public record Closed(int code, String reason) implements Event {
    }

    private final HttpClient http;
    private final WebSocket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private WebSocketTestClient(URI uri, List<String> subprotocols, String... headers) throws Exception {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("header fields come as name, value pairs: " + List.of(headers));
        }
        this.http = HttpClient.newHttpClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            this.socket = await(builder.buildAsync(uri, new Collector()));
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
     * @throws Exception when the handshake fails or times out; a refused handshake is an
     *     {@link java.util.concurrent.ExecutionException} caused by a
     *     {@link java.net.http.WebSocketHandshakeException} that holds the response
     */
    public static WebSocketTestClient connect(URI uri, String... headers) throws Exception {
        return new WebSocketTestClient(uri, List.of(), headers);
    }

    /**
     * Opens a session offering {@code subprotocols}, in order of preference.
     *
     * @param uri          {@code ws://host:port/path}
     * @param subprotocols the subprotocols offered, at least one
     * @param headers      extra handshake fields, as name, value, name, value…
     * @return the client, connected
     * @throws Exception when the handshake fails or times out
     */
    public static WebSocketTestClient connect(URI uri, List<String> subprotocols, String... headers) throws Exception {
        if (subprotocols.isEmpty()) {
            throw new IllegalArgumentException("no subprotocol offered: use connect(uri, headers)");
        }
        return new WebSocketTestClient(uri, List.copyOf(subprotocols), headers);
    }

    /**
     * The JDK's client of this session, for fragments, pings and its own state.
     *
     * @return the client
     */
    public WebSocket webSocket() {
        return socket;
    }

    /**
     * The subprotocol the server selected.
     *
     * @return its name, or the empty string when none was
     */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /**
     * Sends one whole text message and waits until it is written.
     *
     * @param text the message
     * @throws Exception when it cannot be sent in time
     */
    public void sendText(String text) throws Exception {
        await(socket.sendText(text, true));
    }

    /**
     * Sends one whole binary message and waits until it is written.
     *
     * @param data the message
     * @throws Exception when it cannot be sent in time
     */
    public void sendBinary(byte[] data) throws Exception {
        await(socket.sendBinary(ByteBuffer.wrap(data), true));
    }

    /**
     * The next event.
     *
     * @return the event
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when none comes within {@link #TIMEOUT}
     */
    public Event next() throws InterruptedException {
        Event event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("nothing arrived within " + TIMEOUT);
        }
        return event;
    }

    /**
     * The next event, which must be a text message.
     *
     * @return its text
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when something else or nothing comes
     */
    public String nextText() throws InterruptedException {
        Event event = next();
        if (event instanceof Text text) {
            return text.text();
        }
        throw new AssertionError("expected a text message, got " + event);
    }

    /**
     * Reads text messages until one starts with {@code prefix}.
     *
     * @param prefix how the wanted message starts
     * @return that message
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when an event that is no text message comes first, or nothing comes
     */
    public String nextTextStartingWith(String prefix) throws InterruptedException {
        while (true) {
            String text = nextText();
            if (text.startsWith(prefix)) {
                return text;
            }
        }
    }

    /**
     * The next event, which must be a binary message.
     *
     * @return its bytes
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when something else or nothing comes
     */
    public byte[] nextBinary() throws InterruptedException {
        Event event = next();
        if (event instanceof Binary binary) {
            return binary.data();
        }
        throw new AssertionError("expected a binary message, got " + event);
    }

    /**
     * Sends a normal close ({@code 1000}) and waits for the server's, skipping messages that
     * arrive before it.
     *
     * @return the server's close
     * @throws Exception when it cannot be sent or no close comes in time
     */
    public Closed closeNormally() throws Exception {
        await(socket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
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

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return Objects.requireNonNull(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
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
            binary.writeBytes(bytes(data));
            if (last) {
                events.add(new Binary(binary.toByteArray()));
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            events.add(new Pong(bytes(message)));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Closed(statusCode, reason));
            return null;
        }

        private static byte[] bytes(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return bytes;
        }
    }
}
