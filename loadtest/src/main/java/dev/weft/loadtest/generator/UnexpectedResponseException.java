package dev.weft.loadtest.generator;

import java.io.IOException;

/** The server answered, but not what the protocol expects; counted as an error. */
public final class UnexpectedResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was expected and what came. */
    public UnexpectedResponseException(String message) {
        super(message);
    }
}
