package dev.weft.http.proxy;

import java.io.IOException;

/** The upstream answered something that is not a valid, acceptable HTTP/1.1 response. */
public final class UpstreamProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, with the numbers involved
     */
    public UpstreamProtocolException(String message) {
        super(message);
    }
}
