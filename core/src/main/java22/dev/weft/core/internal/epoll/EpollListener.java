package dev.weft.core.internal.epoll;

import dev.weft.core.internal.AcceptedSocket;
import dev.weft.core.internal.Listener;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;

/**
 * A listening socket registered with the server's {@link EpollPoller}: {@code accept4} until it
 * finds no connection waiting, then a park until the kernel reports one. Closing it wakes the
 * acceptor, whose {@link #accept()} then throws {@link ClosedChannelException}.
 */
final class EpollListener extends PolledFd implements Listener {

    private final InetSocketAddress bound;

    /**
     * @param fd     a bound, listening, non-blocking socket
     * @param bound  the address it is bound to
     * @param poller the poller it is registered with (by the caller)
     */
    EpollListener(int fd, InetSocketAddress bound, EpollPoller poller) {
        super(fd, poller);
        this.bound = bound;
    }

    @Override
    public AcceptedSocket accept() throws IOException {
        byte[] address = new byte[SocketAddresses.MAX_BYTES];
        int[] addressLength = new int[1];
        enter();
        try {
            while (true) {
                claimReadable();
                addressLength[0] = address.length;
                MemorySegment errno = Libc.errno();
                int client = Libc.accept(errno, fd, MemorySegment.ofArray(address), MemorySegment.ofArray(addressLength));
                if (client >= 0) {
                    readable = true; // more may be waiting
                    return new EpollAcceptedSocket(client, SocketAddresses.decode(address), this);
                }
                int error = Libc.errno(errno);
                if (error != Libc.EAGAIN) {
                    readable = true;
                    if (error != Libc.EINTR && error != Libc.ECONNABORTED) {
                        throw Errno.exception(error, "accept");
                    }
                }
            }
        } finally {
            exit();
        }
    }

    /** The local address of a connection accepted here: the bound one unless bound to every interface. */
    InetSocketAddress localAddressOf(int client) throws IOException {
        if (!bound.getAddress().isAnyLocalAddress()) {
            return bound;
        }
        return SocketAddresses.localAddress(client);
    }

    @Override
    public InetSocketAddress localAddress() {
        return bound;
    }

    @Override
    public boolean isOpen() {
        return !isClosed();
    }

    @Override
    IOException closedException() {
        return new ClosedChannelException();
    }

    @Override
    IOException interruptedException() {
        return new ClosedByInterruptException();
    }

    @Override
    public String toString() {
        return "EpollListener[" + bound + "]";
    }
}
