package dev.weft.core.pool;

import java.io.IOException;

/**
 * Thrown by {@link ConnectionPool#acquire()} when every connection stayed leased for the whole
 * acquire timeout. It is an {@link IOException} because, to the caller, the upstream is as
 * unreachable as when a connect fails.
 */
public final class PoolExhaustedException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was waited for and how long, with both numbers
     */
    public PoolExhaustedException(String message) {
        super(message);
    }
}
