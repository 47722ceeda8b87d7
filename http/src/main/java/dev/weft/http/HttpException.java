package dev.weft.http;

import java.util.Objects;

/**
 * Ends a request with a given status. Thrown by the server for a malformed or over-limit
 * request, and by handlers that want a non-2xx answer without building a {@link Response}.
 *
 * <p>Unless the application maps it otherwise (see {@link ExceptionMapping}), it is answered with
 * its status, its {@linkplain #headers() headers} and a short body that gives its message as the
 * detail: RFC 9457 {@code application/problem+json} when the client accepts JSON, plain text
 * otherwise. The message therefore reaches the client and must not contain anything secret. It
 * carries no stack trace: it is an answer, not a bug.
 */
public class HttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The status to answer with. */
    private final Status status;
    /** The header fields of the answer; not serialised (null after deserialisation: none). */
    private final transient Headers headers;

    /**
     * An exception answered with {@code status} and {@code message} as the detail.
     *
     * @param status  the status to answer with
     * @param message a short explanation sent to the client
     */
    public HttpException(Status status, String message) {
        this(status, message, Headers.EMPTY);
    }

    /**
     * An exception answered with {@code status}, whose reason phrase is the detail.
     *
     * @param status the status to answer with
     */
    public HttpException(Status status) {
        this(status, status.reason(), Headers.EMPTY);
    }

    /**
     * An exception answered with {@code status}, {@code message} as the detail, and header fields
     * the status calls for ({@code Allow} with 405, {@code Retry-After} with 429 or 503).
     *
     * @param status  the status to answer with
     * @param message a short explanation sent to the client
     * @param headers header fields of the answer
     */
    public HttpException(Status status, String message, Headers headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /**
     * The status to answer with.
     *
     * @return the status
     */
    public Status status() {
        return status;
    }

    /**
     * The header fields the answer carries besides those of its body.
     *
     * @return the header fields; empty unless given
     */
    public Headers headers() {
        return headers == null ? Headers.EMPTY : headers;
    }
}
