package dev.weft.http.internal.websocket;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket session as a client of the shared registry, so it takes part in broadcasts and
 * chat rooms next to TCP and UDP clients.
 *
 * <p>Each {@link #send(byte[])} becomes one text message: the bytes are one line of UTF-8 text,
 * as the line protocols of the registry's other clients send it, and one line ending (LF, or
 * CR LF) at its end is dropped — a message is a line already. Sending is the session's: queued,
 * bounded, never waiting; a session that cannot keep up is closed with {@code 1008}.
 */
public final class WebSocketClient implements Client {

    /** The {@link #protocol()} of WebSocket clients. */
    public static final String PROTOCOL = "websocket";

    private static final Logger log = LoggerFactory.getLogger(WebSocketClient.class);

    private final long id;
    private final WebSocketConnection session;
    private final ClientAttributes attributes = new ClientAttributes();

    /**
     * Makes {@code session} a client of the registry.
     *
     * @param id      the registry-wide id (the connection's)
     * @param session the session
     */
    public WebSocketClient(long id, WebSocketConnection session) {
        this.id = id;
        this.session = session;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return session.remoteAddress();
    }

    @Override
    public ClientAttributes attributes() {
        return attributes;
    }

    /**
     * Queues {@code message}, one line of UTF-8 text, as one text message.
     *
     * @return {@code false} if the session is closing or closed, was just closed because its
     *     queue was full, or the bytes are not UTF-8 (logged: a bug of the sender)
     */
    @Override
    public boolean send(byte[] message) {
        byte[] line = withoutLineEnding(message);
        try {
            return session.sendUtf8(line);
        } catch (IllegalArgumentException notText) {
            log.warn("{} dropped a message that is not UTF-8 text ({} bytes)", session, line.length);
            return false;
        }
    }

    /** {@code message} without one trailing LF or CR LF. */
    static byte[] withoutLineEnding(byte[] message) {
        int end = message.length;
        if (end > 0 && message[end - 1] == '\n') {
            end--;
            if (end > 0 && message[end - 1] == '\r') {
                end--;
            }
        }
        return end == message.length ? message : Arrays.copyOf(message, end);
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }

    /** Closes the session with {@code 1000}; idempotent. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
