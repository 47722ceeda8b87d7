package dev.weft.samples.httpproxy;

import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.samples.cli.HostAndPort;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import java.net.InetSocketAddress;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code http-proxy [--port N] --upstream HOST:PORT [--upstream-connections N]}: an HTTP reverse
 * proxy; {@code GET /proxy/x} is {@code GET /x} on the upstream.
 */
@Command(name = "http-proxy",
        description = "HTTP reverse proxy: /proxy/* goes to the upstream over pooled keep-alive connections.")
public final class HttpProxyMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 8081;

    @Option(names = "--upstream", paramLabel = "HOST:PORT", required = true, converter = HostAndPort.class,
            description = "the HTTP server proxied")
    private InetSocketAddress upstream;

    @Option(names = "--upstream-connections", paramLabel = "N", converter = PositiveNumber.class,
            description = "most keep-alive connections to the upstream (default: ${DEFAULT-VALUE})")
    private int connections = 16;

    private HttpProxyMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        HttpServerConfig config = HttpServerConfig.builder().name("http-proxy").host(host()).port(port).build();
        ConnectionPool pool = new ConnectionPool(PoolConfig.of(upstream).withMaxConnections(connections));
        return List.of(pool, DaggerHttpProxyComponent.factory().create(config, pool).server().start());
    }

    /** Runs the reverse proxy on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new HttpProxyMain(), args);
    }
}
