package dev.weft.http.internal.h2;

/**
 * A connection error (RFC 9113 section 5.4.1): the connection sends {@code GOAWAY} with this
 * code and the last stream id it processed, then closes.
 */
final class ConnectionError extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ConnectionError(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The code sent in {@code GOAWAY}. */
    ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
