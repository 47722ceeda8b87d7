package dev.weft.http.internal.websocket;

import java.io.IOException;

/** The session ended (the peer's close frame, or this side closing) while a message was being read or written. */
final class PeerClosedException extends IOException {

    PeerClosedException(String message) {
        super(message);
    }
}
