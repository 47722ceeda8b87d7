package dev.weft.loadtest.engine;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.util.Locale;

/**
 * Which Netty transport the engine runs on. Netty at its best on Linux is its native,
 * edge-triggered epoll transport; on Linux x86_64 (where the native library is on the class
 * path) a fallback to NIO would silently understate the reactor, so it is an error that stops
 * the run. Elsewhere NIO is used and named as such in the report.
 *
 * @param factory     the event loops' I/O handler
 * @param channelType the server channel class
 * @param datagramType the UDP channel class
 * @param name        the transport in a few words, for the report
 */
record NettyTransport(IoHandlerFactory factory, Class<? extends ServerChannel> channelType,
                      Class<? extends DatagramChannel> datagramType, String name) {

    /**
     * Native epoll when it loads; NIO off Linux x86_64.
     *
     * @throws IOException on Linux x86_64 when native epoll did not load
     */
    static NettyTransport select(String osName, String osArch) throws IOException {
        if (Epoll.isAvailable()) {
            return new NettyTransport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                    EpollDatagramChannel.class, "native epoll (edge-triggered)");
        }
        Throwable cause = Epoll.unavailabilityCause();
        if (requiresEpoll(osName, osArch)) {
            throw new IOException("Netty's native epoll transport did not load on " + osName + " " + osArch
                    + " (" + cause + "): the contrast would run on NIO, below Netty's best. Put"
                    + " io.netty:netty-transport-native-epoll:linux-x86_64 of the same Netty version on the class path.",
                    cause);
        }
        return new NettyTransport(NioIoHandler.newFactory(), NioServerSocketChannel.class, NioDatagramChannel.class,
                "NIO (native epoll unavailable on " + osName + " " + osArch + ": " + cause + ")");
    }

    /** Whether the native epoll library is expected to load here (Linux on x86_64). */
    static boolean requiresEpoll(String osName, String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
