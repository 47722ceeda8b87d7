package dev.weft.core.internal.epoll;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;

/**
 * Turns a failed call's {@code errno} into the exception the JDK's own sockets throw for it, with
 * the same words, so that the engine classifies a failure the same way whichever transport ran
 * it: a reset or a broken pipe is a {@link SocketException} ("the peer went away"), an address in
 * use a {@link BindException}.
 */
final class Errno {

    private static final int EACCES = 13;
    private static final int EADDRINUSE = 98;
    private static final int EADDRNOTAVAIL = 99;
    private static final int ENETUNREACH = 101;
    private static final int ENOTCONN = 107;
    private static final int ETIMEDOUT = 110;
    private static final int EHOSTUNREACH = 113;

    private Errno() {
    }

    /**
     * The exception for {@code errno} returned by {@code operation} ({@code "recv"}, {@code "bind"}):
     * the message is the C library's description, as the JDK's.
     */
    static IOException exception(int errno, String operation) {
        return switch (errno) {
            case Libc.ECONNRESET -> new SocketException("Connection reset");
            case Libc.EPIPE -> new SocketException("Broken pipe");
            case ENOTCONN, ETIMEDOUT, ENETUNREACH, EHOSTUNREACH -> new SocketException(Libc.describe(errno));
            case EADDRINUSE, EADDRNOTAVAIL, EACCES -> operation.equals("bind")
                    ? new BindException(Libc.describe(errno))
                    : new IOException(operation + ": " + Libc.describe(errno));
            default -> new IOException(operation + ": " + Libc.describe(errno) + " (errno " + errno + ")");
        };
    }
}
