package dev.weft.core.internal;

import dev.weft.core.SocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A connection just accepted by a {@link Listener}, before it is served: the acceptor reads its
 * addresses, applies the socket options, then either turns it into the connection's
 * {@link Transport} (which owns the socket from then on) or closes it.
 */
public interface AcceptedSocket {

    /**
     * {@return the peer's address}
     *
     * @throws IOException when the socket cannot report it (it was closed)
     */
    InetSocketAddress remoteAddress() throws IOException;

    /**
     * {@return the local address the peer connected to}
     *
     * @throws IOException when the socket cannot report it (it was closed)
     */
    InetSocketAddress localAddress() throws IOException;

    /**
     * Applies the options meant for accepted sockets ({@code TCP_NODELAY}, buffers, keep-alive).
     *
     * @param options the options to apply
     * @throws IOException when the socket refuses an option
     */
    void configure(SocketOptions options) throws IOException;

    /**
     * The byte stream of the connection; called at most once, after which it owns the socket.
     *
     * @return the connection's transport
     * @throws IOException when the socket cannot be set up for reading and writing
     */
    Transport transport() throws IOException;

    /** Closes the socket of a connection that will not be served; never throws. */
    void close();

    /**
     * Applies {@code options} through the setter given for each option; keep-alive only when on,
     * since a freshly accepted socket has it off.
     *
     * @param options the options to apply
     * @param setter  sets each option on the socket
     * @throws IOException when the socket refuses an option
     */
    static void apply(SocketOptions options, OptionSetter setter) throws IOException {
        setter.tcpNoDelay(options.tcpNoDelay());
        if (options.keepAlive()) {
            setter.keepAlive(true);
        }
        if (options.receiveBufferBytes().isPresent()) {
            setter.receiveBufferBytes(options.receiveBufferBytes().getAsInt());
        }
        if (options.sendBufferBytes().isPresent()) {
            setter.sendBufferBytes(options.sendBufferBytes().getAsInt());
        }
    }

    /** How one kind of socket sets each option that {@link #apply} applies. */
    interface OptionSetter {
        /**
         * Sets {@code TCP_NODELAY}.
         *
         * @param on true to send small segments at once (Nagle's algorithm off)
         * @throws IOException when the socket refuses the option
         */
        void tcpNoDelay(boolean on) throws IOException;

        /**
         * Sets {@code SO_KEEPALIVE}.
         *
         * @param on true to have the kernel probe an idle peer
         * @throws IOException when the socket refuses the option
         */
        void keepAlive(boolean on) throws IOException;

        /**
         * Sets {@code SO_RCVBUF}.
         *
         * @param bytes the receive buffer size asked of the kernel, in bytes
         * @throws IOException when the socket refuses the option
         */
        void receiveBufferBytes(int bytes) throws IOException;

        /**
         * Sets {@code SO_SNDBUF}.
         *
         * @param bytes the send buffer size asked of the kernel, in bytes
         * @throws IOException when the socket refuses the option
         */
        void sendBufferBytes(int bytes) throws IOException;
    }
}
