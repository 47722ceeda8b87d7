package dev.weft.http.websocket;

import java.io.InputStream;
import java.util.Objects;

/**
 * One incoming message read as a stream, for messages too large to hold whole; see
 * {@link WebSocketSession#receiveStream()}.
 *
 * <p>{@code payload} yields the message's payload (decompressed, and for text the UTF-8 bytes,
 * validated as they arrive) and then end-of-stream. It reads the network directly: control
 * frames that arrive in the middle of the message are answered while it is read. It throws an
 * {@link java.io.IOException} when the session fails in the middle of the message (an invalid
 * frame, invalid UTF-8, the message limit, the peer closing). Closing it, or receiving the next
 * message, skips what is left of this one.
 *
 * @param type    whether the message is text or binary
 * @param payload the payload bytes
 */
public record StreamedMessage(MessageType type, InputStream payload) {

    /** Checks both components are present. */
    public StreamedMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
