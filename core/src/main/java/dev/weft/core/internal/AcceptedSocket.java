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

    /** The peer's address. */
    InetSocketAddress remoteAddress() throws IOException;

    /** The local address the peer connected to. */
    InetSocketAddress localAddress() throws IOException;

    /** Applies the options meant for accepted sockets ({@code TCP_NODELAY}, buffers, keep-alive). */
    void configure(SocketOptions options) throws IOException;

    /** The byte stream of the connection; called at most once, after which it owns the socket. */
    Transport transport() throws IOException;

    /** Closes the socket of a connection that will not be served; never throws. */
    void close();

    /**
     * Applies {@code options} through the setter given for each option; keep-alive only when on,
     * since a freshly accepted socket has it off.
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
        /** {@code TCP_NODELAY}. */
        void tcpNoDelay(boolean on) throws IOException;

        /** {@code SO_KEEPALIVE}. */
        void keepAlive(boolean on) throws IOException;

        /** {@code SO_RCVBUF}. */
        void receiveBufferBytes(int bytes) throws IOException;

        /** {@code SO_SNDBUF}. */
        void sendBufferBytes(int bytes) throws IOException;
    }
}
