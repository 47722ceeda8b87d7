package dev.weft.http.internal.h2;

/**
 * A stream error (RFC 9113 section 5.4.2): the stream is reset with {@code RST_STREAM} and this
 * code; the connection goes on.
 */
final class StreamError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int streamId;
    private final ErrorCode code;

    StreamError(int streamId, ErrorCode code, String message) {
        super(message, null, false, false);
        this.streamId = streamId;
        this.code = code;
    }

    /** The stream to reset. */
    int streamId() {
        return streamId;
    }

    /** The code sent in {@code RST_STREAM}. */
    ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "stream " + streamId + " " + code + ": " + getMessage();
    }
}
