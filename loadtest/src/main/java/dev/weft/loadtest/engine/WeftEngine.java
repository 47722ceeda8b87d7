package dev.weft.loadtest.engine;

import dev.weft.core.Connection;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.ThreadMode;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Weft's own engine: {@link TcpServer} with one thread per connection, virtual or platform as
 * {@link ThreadMode} says — the same code either way.
 */
final class WeftEngine implements Engine {

    /** Each echo handler reads into its own buffer of this size. */
    private static final int ECHO_BUFFER_BYTES = 2_048;

    private final EngineKind kind;
    private final TcpServer echo;

    private WeftEngine(EngineKind kind, TcpServer echo) {
        this.kind = kind;
        this.echo = echo;
    }

    static WeftEngine start(EngineKind kind, ThreadMode mode, EngineOptions options) throws IOException {
        TcpServerConfig config = TcpServerConfig.builder()
                .name(kind.label() + "-echo")
                .host(options.host())
                .port(options.echoPort())
                .maxConnections(options.maxConnections())
                .idleTimeout(Duration.ofMinutes(10))
                .shutdownGrace(Duration.ZERO)
                .threadMode(mode)
                .build();
        TcpServer echo = new TcpServer(config, WeftEngine::echo).start();
        return new WeftEngine(kind, echo);
    }

    private static void echo(Connection connection) throws IOException {
        byte[] buffer = new byte[ECHO_BUFFER_BYTES];
        for (int n; (n = connection.read(buffer, 0, buffer.length)) > 0; ) {
            connection.write(buffer, 0, n);
            connection.flush();
        }
    }

    @Override
    public EngineKind kind() {
        return kind;
    }

    @Override
    public int echoPort() {
        return echo.port();
    }

    @Override
    public OptionalInt httpPort() {
        return OptionalInt.empty();
    }

    @Override
    public String description() {
        return "Weft TcpServer, " + echo.config().threadMode().name().toLowerCase() + " thread per connection";
    }

    @Override
    public void close() {
        echo.stop(Duration.ZERO);
    }
}
