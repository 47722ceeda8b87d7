package dev.weft.http.websocket;

import dev.weft.core.Client;
import dev.weft.http.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One open WebSocket connection, as seen by its {@link WebSocketEndpoint}.
 *
 * <p><b>Receiving</b> belongs to one thread at a time (usually the endpoint's, which is the
 * connection's own virtual thread): {@link #receive()} blocks until the next whole message, and
 * answers pings and the peer's close frame while it waits. Every way a session can end — the
 * peer's close, a protocol error, a limit, a timeout, a dropped connection — makes it return
 * {@code null}; {@link #closeStatus()} then says which. A protocol error is answered with the
 * close code the RFC assigns (1002, 1007, 1009) before the connection closes.
 *
 * <p><b>Sending</b> may happen from any thread and never waits for the network: messages go
 * to a queue, bounded in bytes by {@link WebSocketLimits#outboundQueueBytes()}, that one writer
 * thread drains. A session whose peer cannot keep up is closed with {@code 1008} (policy
 * violation) and counted, so a slow peer never stalls the senders or the other sessions.
 * Messages of one session leave in the order they were queued.
 */
public interface WebSocketSession {

    /**
     * Blocks until the next whole message arrives.
     *
     * @return the message, or {@code null} once the session has ended (see {@link #closeStatus()})
     * @throws IllegalStateException when another thread is receiving at the same time
     */
    Message receive();

    /**
     * Blocks until the next message starts, and returns it as a stream, without holding it
     * whole; see {@link StreamedMessage}. The message limit applies as for {@link #receive()}.
     *
     * @return the message, or {@code null} once the session has ended
     * @throws IllegalStateException when another thread is receiving at the same time
     */
    StreamedMessage receiveStream();

    /**
     * Queues {@code message} and returns at once.
     *
     * @param message the message
     * @return {@code true} if queued; {@code false} if the session is closing or closed, or was
     *     just closed because its queue was full
     */
    boolean send(Message message);

    /**
     * Queues a text message; see {@link #send(Message)}.
     *
     * @param text the text
     * @return whether it was queued
     */
    default boolean sendText(String text) {
        return send(Message.text(text));
    }

    /**
     * Queues a binary message (the array is not copied); see {@link #send(Message)}.
     *
     * @param data the payload
     * @return whether it was queued
     */
    default boolean sendBinary(byte[] data) {
        return send(Message.binary(data));
    }

    /**
     * Starts a message written as a stream, sent in fragments as the stream's buffer fills, on
     * {@link OutputStream#flush()} and on {@link OutputStream#close()}, which ends the message.
     * The message takes its place in the queue now: messages sent after this call leave after
     * it, so close the stream promptly, and a thread must close one stream before it writes to
     * the next (the second waits behind the first). Unlike {@link #send(Message)}, writing to the stream
     * waits while the queue is full, which paces a large message to the peer's speed. For
     * {@link MessageType#TEXT}, the bytes written must be UTF-8 (a character may span writes).
     *
     * @param type text or binary
     * @return the message's stream; close it to end the message
     * @throws IOException when the session is closing or closed; writes throw it too once the
     *     session closes
     */
    OutputStream sendStream(MessageType type) throws IOException;

    /**
     * Starts the closing handshake: the close frame follows the messages already queued, and
     * the connection closes when the peer answers, or after
     * {@link WebSocketLimits#closeTimeout()}. Later calls do nothing.
     *
     * @param code   a code that may be sent ({@link CloseStatus#isSendable(int)})
     * @param reason a reason, at most {@value CloseStatus#MAX_REASON_BYTES} bytes of UTF-8
     * @throws IllegalArgumentException if the code may not be sent or the reason is too long
     */
    void close(int code, String reason);

    /** {@link #close(int, String)} with {@code 1000} (normal closure) and no reason. */
    default void close() {
        close(CloseStatus.NORMAL_1000.code(), "");
    }

    /**
     * This session as a client of the server's shared registry, so it takes part in broadcasts
     * and chat rooms next to TCP and UDP clients. The first call registers it (protocol
     * {@code "websocket"}, the connection's id) if the session is still open; it leaves the
     * registry when the session ends. A session whose endpoint never calls this is not in the
     * registry.
     *
     * <p>The client's {@link Client#send(byte[])} takes one line of UTF-8 text — one trailing LF
     * or CR LF is dropped — and queues it as one text message, like {@link #send(Message)}: it
     * never waits, and a session that cannot keep up is closed with {@code 1008} and counted in
     * the registry's {@code slowClientsDisconnected()} as well. Bytes that are not UTF-8 are
     * refused ({@code false}, logged).
     *
     * @return the client
     */
    Client client();

    /**
     * Whether the session is open: no close frame sent or received, connection up.
     *
     * @return whether it is open
     */
    boolean isOpen();

    /**
     * Why the session ended: the peer's close status when the peer closed first ({@code 1005}
     * for a close frame without a code), else the status this side sent, or {@code 1006} for a
     * connection that dropped without a close frame. Empty while the session is open.
     *
     * @return the status, once there is one
     */
    Optional<CloseStatus> closeStatus();

    /**
     * The subprotocol agreed in the handshake, if any.
     *
     * @return the subprotocol
     */
    Optional<String> subprotocol();

    /**
     * The handshake request: path and path parameters, query, headers. Its body is empty.
     *
     * @return the request
     */
    Request request();

    /**
     * The peer's address.
     *
     * @return the address
     */
    default InetSocketAddress remoteAddress() {
        return request().remoteAddress();
    }
}
