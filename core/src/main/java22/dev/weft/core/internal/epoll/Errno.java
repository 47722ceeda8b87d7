package dev.weft.core.internal.epoll;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;

/**
 * Turns a failed call's {@code errno} into the exception the JDK's own sockets throw for it, with
 * the same words, so that the engine classifies a failure the same way whichever transport ran
 * it: a reset or a broken pipe is a {@link SocketException} ("the peer went away"), an address in
 * use a {@link BindException}.
 *
 * <p>The words are the C library's, kept here rather than asked of {@code strerror}: a failure
 * path must work when descriptors have run out, and the engine loads this class when it starts
 * ({@link #describe(int)}), so no class needs loading — from a directory, a file to open — then.
 */
final class Errno {

    private static final int EBADF = 9;
    private static final int ENOMEM = 12;
    private static final int EACCES = 13;
    private static final int EFAULT = 14;
    private static final int EINVAL = 22;
    private static final int ENFILE = 23;
    private static final int EMFILE = 24;
    private static final int ENOBUFS = 105;
    private static final int ECONNREFUSED = 111;
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
            case ENOTCONN, ETIMEDOUT, ENETUNREACH, EHOSTUNREACH -> new SocketException(describe(errno));
            case EADDRINUSE, EADDRNOTAVAIL, EACCES -> operation.equals("bind")
                    ? new BindException(describe(errno))
                    : new IOException(operation + ": " + describe(errno));
            default -> new IOException(operation + ": " + describe(errno));
        };
    }

    /** The C library's words for {@code errno}: {@code "Connection reset by peer"}. */
    static String describe(int errno) {
        return switch (errno) {
            case Libc.EINTR -> "Interrupted system call";
            case EBADF -> "Bad file descriptor";
            case Libc.EAGAIN -> "Resource temporarily unavailable";
            case ENOMEM -> "Cannot allocate memory";
            case EACCES -> "Permission denied";
            case EFAULT -> "Bad address";
            case EINVAL -> "Invalid argument";
            case ENFILE -> "Too many open files in system";
            case EMFILE -> "Too many open files";
            case Libc.EPIPE -> "Broken pipe";
            case EADDRINUSE -> "Address already in use";
            case EADDRNOTAVAIL -> "Cannot assign requested address";
            case ENETUNREACH -> "Network is unreachable";
            case Libc.ECONNABORTED -> "Software caused connection abort";
            case Libc.ECONNRESET -> "Connection reset by peer";
            case ENOBUFS -> "No buffer space available";
            case ENOTCONN -> "Transport endpoint is not connected";
            case ETIMEDOUT -> "Connection timed out";
            case ECONNREFUSED -> "Connection refused";
            case EHOSTUNREACH -> "No route to host";
            default -> "errno " + errno;
        };
    }
}
