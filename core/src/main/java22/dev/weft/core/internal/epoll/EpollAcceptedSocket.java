package dev.weft.core.internal.epoll;

import dev.weft.core.SocketOptions;
import dev.weft.core.internal.AcceptedSocket;
import dev.weft.core.internal.Transport;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * A socket {@link EpollListener} accepted (non-blocking, close-on-exec), not yet registered with
 * the poller: that happens when it becomes an {@link EpollTransport}.
 */
final class EpollAcceptedSocket implements AcceptedSocket, AcceptedSocket.OptionSetter {

    private final int fd;
    private final InetSocketAddress remote;
    private final EpollListener listener;
    private boolean owned;

    EpollAcceptedSocket(int fd, InetSocketAddress remote, EpollListener listener) {
        this.fd = fd;
        this.remote = remote;
        this.listener = listener;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return listener.localAddressOf(fd);
    }

    @Override
    public void configure(SocketOptions options) throws IOException {
        AcceptedSocket.apply(options, this);
    }

    @Override
    public Transport transport() throws IOException {
        EpollTransport transport = new EpollTransport(fd, listener.poller);
        owned = true;
        try {
            listener.poller.register(transport);
        } catch (IOException e) {
            transport.close();
            throw e;
        }
        return transport;
    }

    @Override
    public void close() {
        if (!owned) {
            owned = true;
            Libc.close(fd);
        }
    }

    @Override
    public void tcpNoDelay(boolean on) throws IOException {
        set(Libc.IPPROTO_TCP, Libc.TCP_NODELAY, on ? 1 : 0);
    }

    @Override
    public void keepAlive(boolean on) throws IOException {
        set(Libc.SOL_SOCKET, Libc.SO_KEEPALIVE, on ? 1 : 0);
    }

    @Override
    public void receiveBufferBytes(int bytes) throws IOException {
        set(Libc.SOL_SOCKET, Libc.SO_RCVBUF, bytes);
    }

    @Override
    public void sendBufferBytes(int bytes) throws IOException {
        set(Libc.SOL_SOCKET, Libc.SO_SNDBUF, bytes);
    }

    private void set(int level, int option, int value) throws IOException {
        setOption(fd, level, option, value);
    }

    /** {@code setsockopt} of an {@code int} option on {@code fd}. */
    static void setOption(int fd, int level, int option, int value) throws IOException {
        MemorySegment errno = Libc.errno();
        if (Libc.setsockopt(errno, fd, level, option, value) < 0) {
            throw Errno.exception(Libc.errno(errno), "setsockopt");
        }
    }
}
