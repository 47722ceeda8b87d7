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

    /** The most bytes read and written back at a time, as in the {@code echo} sample. */
    private static final int ECHO_CHUNK_BYTES = 8_192;

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

    /** The {@code echo} sample's handler: reads with {@code readSome}, so it holds no buffer while idle. */
    private static void echo(Connection connection) throws IOException {
        byte[] chunk;
        while ((chunk = connection.readSome(ECHO_CHUNK_BYTES)) != null) {
            connection.write(chunk);
            connection.flush();
        }
        connection.shutdownOutput();
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
