package dev.weft.samples.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.proxy.BackendMetrics;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.echo.DaggerEchoComponent;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine.ParameterException;

@ExtendWith(PinningRecorder.class)
class ProxySampleTest {

    /** Spaces the checks of a condition polled with a deadline; the outcome never depends on it. */

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private TcpServer echo() {
        return servers.start(DaggerEchoComponent.factory().create(TcpServerConfig.loopback(0)).server());
    }

    private TcpServer server;

    /** Starts the proxy as its main would; the started server is in {@link #server}. */
    private ProxyComponent proxy(String... args) throws Exception {
        ProxyMain options = parse(args);
        ProxyComponent app = DaggerProxyComponent.factory().create(options.server(), options.proxy());
        servers.closeAfterwards(app.proxy());
        server = servers.start(app.server());
        return app;
    }

    private static ProxyMain parse(String... args) {
        ProxyMain options = new ProxyMain();
        SampleLauncher.commandLine(options).parseArgs(args);
        return options;
    }

    private static Socket connect(TcpServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(UTF_8));
        return new String(socket.getInputStream().readNBytes(text.length()), UTF_8);
    }

    @Test
    void spreadsClientsOverEveryBackendGivenAndLimitsConnectionsPerAddress() throws Exception {
        TcpServer a = echo();
        TcpServer b = echo();
        ProxyComponent app = proxy("--host", "127.0.0.1", "--port", "0",
                "--backend", "127.0.0.1:" + a.port(), "--backend", "127.0.0.1:" + b.port(),
                "--strategy", "least-connections", "--max-conns-per-ip", "1");
        for (int i = 0; i < 4; i++) {
            try (Socket client = connect(server)) {
                assertEquals("ping " + i, roundTrip(client, "ping " + i));
                try (Socket second = connect(server); InputStream in = second.getInputStream()) {
                    assertEquals(-1, in.read(), "a second connection from 127.0.0.1 is refused");
                }
            }
            awaitNoActiveConnection();
        }
        assertEquals(List.of(2L, 2L), app.proxy().metrics().backends().stream().map(BackendMetrics::connections).toList());
        assertEquals(4, server.metrics().rejected());
    }

    private void awaitNoActiveConnection() {
        Poll.untilEquals("active proxied connections", 0L, () -> server.metrics().active());
    }

    @Test
    void aBackendIsRequiredAndMustBeHostColonPort() {
        assertEquals("Missing required option: '--backend=HOST:PORT'",
                assertThrows(ParameterException.class, () -> parse("--port", "0")).getMessage());
        assertEquals("Invalid value for option '--backend' (HOST:PORT): expected HOST:PORT, not localhost",
                assertThrows(ParameterException.class, () -> parse("--backend", "localhost")).getMessage());
        assertEquals("Invalid value for option '--strategy': round-robin or least-connections, not random",
                assertThrows(ParameterException.class, () -> parse("--backend", "127.0.0.1:1", "--strategy", "random"))
                        .getMessage());
    }
}
