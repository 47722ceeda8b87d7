package dev.weft.core;

import java.util.OptionalInt;

/**
 * Socket options applied to the listening socket and to every accepted connection.
 *
 * @param reuseAddress       {@code SO_REUSEADDR} on the listening socket, so a restarted server
 *                           can bind while old connections sit in {@code TIME_WAIT}; default on
 * @param tcpNoDelay         {@code TCP_NODELAY} on accepted sockets: disables Nagle's algorithm so
 *                           small request/response messages are not delayed; default on
 * @param keepAlive          {@code SO_KEEPALIVE} on accepted sockets: lets the kernel detect dead
 *                           peers after hours of silence; default off (the idle timeout is the
 *                           faster guard)
 * @param receiveBufferBytes {@code SO_RCVBUF}, or empty to keep the kernel's auto-tuning (the
 *                           default, and usually best)
 * @param sendBufferBytes    {@code SO_SNDBUF}, or empty to keep the kernel's auto-tuning
 */
public record SocketOptions(boolean reuseAddress, boolean tcpNoDelay, boolean keepAlive,
                            OptionalInt receiveBufferBytes, OptionalInt sendBufferBytes) {

    /** Reuse address and no-delay on, keep-alive off, kernel-tuned buffers. */
    public static final SocketOptions DEFAULTS =
            new SocketOptions(true, true, false, OptionalInt.empty(), OptionalInt.empty());

    /** Validates the buffer sizes. */
    public SocketOptions {
        receiveBufferBytes = requirePositive(receiveBufferBytes, "receiveBufferBytes");
        sendBufferBytes = requirePositive(sendBufferBytes, "sendBufferBytes");
    }

    /**
     * A copy with {@code TCP_NODELAY} set as given.
     *
     * @param on true to send small segments at once (Nagle's algorithm off)
     * @return the changed copy
     */
    public SocketOptions withTcpNoDelay(boolean on) {
        return new SocketOptions(reuseAddress, on, keepAlive, receiveBufferBytes, sendBufferBytes);
    }

    /**
     * A copy with {@code SO_KEEPALIVE} set as given.
     *
     * @param on true to have the kernel probe idle peers
     * @return the changed copy
     */
    public SocketOptions withKeepAlive(boolean on) {
        return new SocketOptions(reuseAddress, tcpNoDelay, on, receiveBufferBytes, sendBufferBytes);
    }

    /**
     * A copy with {@code SO_REUSEADDR} set as given.
     *
     * @param on true to allow binding a port that still has connections in {@code TIME_WAIT}
     * @return the changed copy
     */
    public SocketOptions withReuseAddress(boolean on) {
        return new SocketOptions(on, tcpNoDelay, keepAlive, receiveBufferBytes, sendBufferBytes);
    }

    /**
     * A copy with a fixed {@code SO_RCVBUF} of the given size in bytes.
     *
     * @param bytes the receive buffer size asked of the kernel, in bytes, &gt; 0
     * @return the changed copy
     */
    public SocketOptions withReceiveBufferBytes(int bytes) {
        return new SocketOptions(reuseAddress, tcpNoDelay, keepAlive, OptionalInt.of(bytes), sendBufferBytes);
    }

    /**
     * A copy with a fixed {@code SO_SNDBUF} of the given size in bytes.
     *
     * @param bytes the send buffer size asked of the kernel, in bytes, &gt; 0
     * @return the changed copy
     */
    public SocketOptions withSendBufferBytes(int bytes) {
        return new SocketOptions(reuseAddress, tcpNoDelay, keepAlive, receiveBufferBytes, OptionalInt.of(bytes));
    }

    private static OptionalInt requirePositive(OptionalInt value, String name) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value.isPresent() && value.getAsInt() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value.getAsInt());
        }
        return value;
    }
}
