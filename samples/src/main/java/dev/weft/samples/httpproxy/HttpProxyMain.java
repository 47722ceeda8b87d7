package dev.weft.samples.httpproxy;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolConfig;
import dev.weft.http.HttpServerConfig;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@code http-proxy --port N --upstream HOST:PORT [--upstream-connections N]}: an HTTP reverse
 * proxy; {@code GET /proxy/x} is {@code GET /x} on the upstream.
 */
public final class HttpProxyMain {

    private static final Option<Integer> PORT = Option.port("port", 8081, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<InetSocketAddress> UPSTREAM = Option.hostAndPort("upstream", "the HTTP server proxied");
    private static final Option<Integer> CONNECTIONS = Option.positiveInt("upstream-connections", "N", 16,
            "most keep-alive connections to the upstream");

    private HttpProxyMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("http-proxy", "HTTP reverse proxy: /proxy/* goes to the upstream over pooled keep-alive connections.",
                List.of(PORT, HOST, UPSTREAM, CONNECTIONS), args, options -> {
                    HttpServerConfig config = HttpServerConfig.of(TcpServerConfig.builder().name("http-proxy")
                            .host(options.get(HOST)).port(options.get(PORT)).build());
                    ConnectionPool pool = new ConnectionPool(PoolConfig.of(options.get(UPSTREAM))
                            .withMaxConnections(options.get(CONNECTIONS)));
                    return List.of(pool, DaggerHttpProxyComponent.factory().create(config, pool).server().start());
                });
    }

    /** Runs the reverse proxy on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
