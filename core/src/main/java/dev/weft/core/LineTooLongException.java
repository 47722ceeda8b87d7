package dev.weft.core;

import java.io.IOException;

/**
 * A line read with {@link BufferedInput#readLine(int)} was longer than the allowed maximum.
 *
 * <p>The connection stays usable: before this is thrown the rest of the over-long line, up to
 * and including its line feed, has been read and discarded (without buffering it), so the next
 * read starts at the next line.
 */
public final class LineTooLongException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The limit that was exceeded, in bytes. */
    private final int maxBytes;

    /**
     * Creates the exception.
     *
     * @param maxBytes the limit that was exceeded, in bytes
     */
    public LineTooLongException(int maxBytes) {
        super("line exceeds the maximum of " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** {@return the limit that was exceeded, in bytes} */
    public int maxBytes() {
        return maxBytes;
    }
}
