package dev.weft.http.internal.websocket;

import dev.weft.http.websocket.CloseStatus;
import java.io.IOException;

/**
 * The peer broke a rule of the protocol or a limit: the session must be failed with
 * {@link #status()}, which carries the close code the RFC assigns and the reason.
 */
final class ProtocolFailure extends IOException {

    private final transient CloseStatus status;

    ProtocolFailure(CloseStatus kind, String reason) {
        super(kind.code() + " " + reason);
        this.status = kind.withReason(reason);
    }

    /** The close status to send. */
    CloseStatus status() {
        return status;
    }

    static ProtocolFailure protocolError(String reason) {
        return new ProtocolFailure(CloseStatus.PROTOCOL_ERROR_1002, reason);
    }

    static ProtocolFailure invalidPayload(String reason) {
        return new ProtocolFailure(CloseStatus.INVALID_PAYLOAD_1007, reason);
    }

    static ProtocolFailure tooBig(String reason) {
        return new ProtocolFailure(CloseStatus.MESSAGE_TOO_BIG_1009, reason);
    }
}
