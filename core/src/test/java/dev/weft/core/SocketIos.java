package dev.weft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The socket I/O engines this machine can run, for tests parameterized over them: the JDK's
 * sockets everywhere, epoll on Linux x86_64 with Java 22 or newer (the build grants native access).
 */
final class SocketIos {

    private SocketIos() {
    }

    /** {@link SocketIo#EPOLL} (where it runs) and {@link SocketIo#JDK}. */
    static Stream<SocketIo> available() {
        List<SocketIo> engines = new ArrayList<>();
        if (epollRuns()) {
            engines.add(SocketIo.EPOLL);
        }
        engines.add(SocketIo.JDK);
        return engines.stream();
    }

    /** Every {@link ThreadMode} with every available engine. */
    static Stream<Arguments> withThreadModes() {
        return available().flatMap(io -> Stream.of(ThreadMode.values()).map(mode -> Arguments.of(mode, io)));
    }

    /** Whether {@link SocketIo#EPOLL} can run here. */
    static boolean epollRuns() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64")
                && Runtime.version().feature() >= 22;
    }
}
