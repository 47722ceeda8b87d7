package dev.weft.core.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * Why an I/O operation on a connection failed, decided once for the whole engine: by the
 * connection's own state first (was it closed here?), then by the exception's type, and by its
 * message only as a last resort for the JDK paths that report a reset as a plain
 * {@link IOException} (a zero-copy {@code transferTo}, for one).
 */
public enum Disconnect {

    /** The peer went away: the stream ended mid-message, the connection was reset, the pipe broke. */
    PEER_GONE,
    /** This process closed the connection: a stop, a timeout, {@code close()} from another thread. */
    CLOSED_HERE,
    /** Anything else: a real I/O failure, worth a warning. */
    FAILURE;

    /**
     * Classifies {@code failure}.
     *
     * @param failure    the exception an operation threw
     * @param closedHere whether the connection had been closed by this process when it failed
     * @return what the failure means: closed here, the peer gone, or another failure
     */
    public static Disconnect classify(IOException failure, boolean closedHere) {
        if (closedHere || failure instanceof ClosedChannelException) {
            return CLOSED_HERE;
        }
        if (failure instanceof EOFException || failure instanceof SocketException) {
            return PEER_GONE;
        }
        return reportsPeerGone(failure.getMessage()) ? PEER_GONE : FAILURE;
    }

    /** The last resort: the kernel's words for a reset or a broken pipe, as the JDK passes them on. */
    static boolean reportsPeerGone(String message) {
        if (message == null) {
            return false;
        }
        return message.contains("Broken pipe") || message.contains("Connection reset")
                || message.contains("connection was aborted");
    }
}
