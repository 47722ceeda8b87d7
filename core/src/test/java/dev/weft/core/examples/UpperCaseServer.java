package dev.weft.core.examples;

import dev.weft.core.*;
import java.time.Duration;

/** The README's embedding example, compiled by the build so that it cannot rot. */
public final class UpperCaseServer {
    public static void main(String[] args) throws Exception {
        TcpServerConfig config = TcpServerConfig.builder()
                .port(9000)                               // 0 picks an ephemeral port
                .idleTimeout(Duration.ofMinutes(2))       // a read that waits longer closes the client
                .maxConnections(20_000)                   // over it: accepted, closed at once, counted
                .build();
        ConnectionHandler upperCase = connection -> {
            BufferedInput lines = new BufferedInput(connection);
            String line;
            while ((line = lines.readLine(1_024)) != null) {   // LineTooLongException past 1 KiB
                connection.write((line.toUpperCase() + "\n").getBytes());
            }
        };
        try (TcpServer server = new TcpServer(config, upperCase).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // graceful stop on SIGTERM
            server.awaitStop();
        }
    }
}
