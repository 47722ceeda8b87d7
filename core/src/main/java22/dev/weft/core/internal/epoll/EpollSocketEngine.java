package dev.weft.core.internal.epoll;

import dev.weft.core.ListenerConfig;
import dev.weft.core.SocketIo;
import dev.weft.core.SocketOptions;
import dev.weft.core.internal.Listener;
import dev.weft.core.internal.SocketEngine;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * The epoll {@link SocketEngine}: listening and accepted sockets are the kernel's, created and
 * driven through the foreign function API, each registered once with the server's
 * {@link EpollPoller} (a virtual thread {@code <server>-poller} and a platform thread
 * {@code <server>-poller-master}). Loaded by name by the engine selection, on Linux x86_64 with
 * Java 22 or newer only.
 */
public final class EpollSocketEngine implements SocketEngine {

    private final EpollPoller poller;

    /**
     * Creates the poller and starts its threads.
     *
     * @param serverName          the server's name, for the thread's name and log lines
     * @param requireNativeAccess whether to refuse (rather than let the JDK print its warning)
     *                            when the JVM did not grant native access to this module
     * @throws IOException saying why the engine cannot run
     */
    public EpollSocketEngine(String serverName, boolean requireNativeAccess) throws IOException {
        Module module = EpollSocketEngine.class.getModule();
        if (requireNativeAccess && !module.isNativeAccessEnabled()) {
            throw new IOException("native access is not enabled; start the JVM with --enable-native-access="
                    + (module.isNamed() ? module.getName() : "ALL-UNNAMED") + " to use epoll");
        }
        Errno.describe(0); // loaded now: when descriptors run out, loading a class may fail
        this.poller = EpollPoller.start(serverName);
    }

    @Override
    public Listener listen(InetSocketAddress address, ListenerConfig config) throws IOException {
        MemorySegment errno = Libc.errno();
        int fd = Libc.socket(errno, SocketAddresses.family(address), Libc.SOCK_STREAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC);
        if (fd < 0) {
            throw Errno.exception(Libc.errno(errno), "socket");
        }
        try {
            SocketOptions options = config.socketOptions();
            EpollAcceptedSocket.setOption(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, options.reuseAddress() ? 1 : 0);
            if (options.receiveBufferBytes().isPresent()) {
                // Set on the listener so accepted sockets get it before the handshake (window scaling).
                EpollAcceptedSocket.setOption(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, options.receiveBufferBytes().getAsInt());
            }
            byte[] sockaddr = SocketAddresses.encode(address);
            if (Libc.bind(errno, fd, MemorySegment.ofArray(sockaddr), sockaddr.length) < 0) {
                throw Errno.exception(Libc.errno(errno), "bind");
            }
            if (Libc.listen(errno, fd, config.acceptBacklog()) < 0) {
                throw Errno.exception(Libc.errno(errno), "listen");
            }
            EpollListener listener = new EpollListener(fd, SocketAddresses.localAddress(fd), poller);
            poller.register(listener);
            return listener;
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** Descriptors registered with the poller now; for tests. */
    public int registered() {
        return poller.registered();
    }

    @Override
    public SocketIo kind() {
        return SocketIo.EPOLL;
    }

    @Override
    public String description() {
        return "epoll";
    }

    @Override
    public int threads() {
        return poller.threads();
    }

    @Override
    public void stop() {
        poller.stop();
    }
}
