package dev.weft.core.internal.probe;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;

/**
 * Run by {@code LoggingCheckTest} in a JVM of its own without an SLF4J provider: starts and stops
 * two TCP servers on ephemeral loopback ports, then says it finished.
 */
public final class ServerStartProbe {

    private ServerStartProbe() {
    }

    /** Starts two servers, one after the other. */
    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 2; i++) {
            try (TcpServer server = new TcpServer(TcpServerConfig.loopback(0), connection -> { }).start()) {
                server.port();
            }
        }
        System.out.println("probe finished");
    }
}
