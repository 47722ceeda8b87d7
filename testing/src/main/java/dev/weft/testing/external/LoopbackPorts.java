package dev.weft.testing.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on the loopback address, for programs that cannot be told "port 0" and report
 * the port they got. A port is only free when asked: another process may take it before the
 * program binds it, so each launcher retries with new ports when its program fails to bind.
 */
public final class LoopbackPorts {

    /** How many sets of ports a launcher tries before it gives up. */
    public static final int ATTEMPTS = 5;

    private LoopbackPorts() {
    }

    /**
     * A port free on the loopback address now.
     *
     * @return the port
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
