package dev.weft.samples.files;

import java.io.IOException;
import java.util.Objects;

/**
 * A request the server refuses, or a frame that does not decode; carries the {@link ErrorCode}
 * sent back to the peer in a {@link FileMessage.Error}.
 */
public final class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    what kind of error
     * @param message for the peer and the log, with the numbers involved
     */
    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What kind of error. */
    public ErrorCode code() {
        return code;
    }

    /** The error message sent to the peer. */
    public FileMessage.Error toMessage() {
        return new FileMessage.Error(code, getMessage());
    }
}
