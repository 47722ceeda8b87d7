package dev.weft.samples.cli;

/** The command line is not valid; the message says why, for the user. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for the user */
    public UsageException(String message) {
        super(message);
    }
}
