package dev.weft.core;

/**
 * How a server's sockets wait until they can be read or written. Handlers never see the
 * difference: each connection runs on its own thread with blocking reads and writes either way.
 *
 * <p>With the JDK's sockets, a virtual thread that must wait for its next bytes tries the read,
 * re-arms a one-shot registration with the JDK's poller ({@code epoll_ctl}), parks, and is woken
 * by the poller — about four system calls per request on a keep-alive connection. With
 * {@link #EPOLL} each connection is registered once, edge-triggered, with a poller thread of the
 * server, and a read is only tried when the kernel said data arrived: one {@code recv} and one
 * {@code send} per request.
 */
public enum SocketIo {

    /**
     * {@link #EPOLL} where it is available and allowed, else {@link #JDK}; the default. EPOLL
     * needs Linux on x86_64, a JDK of version 22 or newer (it calls the kernel through the
     * foreign function API) and native access granted to Weft's module: start the JVM with
     * {@code --enable-native-access=ALL-UNNAMED} on the class path, or
     * {@code --enable-native-access=dev.weft.core} on the module path. The server's start-up log
     * line names the one chosen, and why when it is the JDK's.
     */
    AUTO,

    /**
     * The server's own edge-triggered epoll poller, one registration per connection for its
     * whole life. Starting a server fails with an {@code IOException} saying why where it is not
     * available; without native access granted the JDK prints its warning about restricted
     * methods once.
     */
    EPOLL,

    /** The JDK's blocking sockets ({@code java.nio.channels.SocketChannel}): portable. */
    JDK
}
