package dev.weft.http;

import java.util.Objects;

/**
 * Ends a request with a given status. Thrown by the server for a malformed or over-limit
 * request, and by handlers that want a non-200 answer without building a {@link Response}.
 * The message is sent to the client as a short {@code text/plain} body, so it must not contain
 * anything secret.
 */
public class HttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;

    /**
     * @param status  the status to answer with
     * @param message a short explanation sent to the client
     */
    public HttpException(Status status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The status to answer with. */
    public Status status() {
        return status;
    }
}
