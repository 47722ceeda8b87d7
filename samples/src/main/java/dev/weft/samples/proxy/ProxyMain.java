package dev.weft.samples.proxy;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.limit.AddressLimits;
import dev.weft.core.limit.PerAddressAdmission;
import dev.weft.core.proxy.BalancingStrategy;
import dev.weft.core.proxy.ProxyConfig;
import dev.weft.samples.cli.CommandLine;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code proxy --port N --backend HOST:PORT [--backend HOST:PORT ...] [--strategy S]
 * [--max-conns-per-ip N]}: a TCP proxy and load balancer.
 */
public final class ProxyMain {

    private static final Option<Integer> PORT = Option.port("port", 7100, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<InetSocketAddress> BACKEND = Option.hostAndPort("backend",
            "a backend; repeat for several");
    private static final Option<BalancingStrategy> STRATEGY = new Option<>("strategy", "NAME",
            "round-robin or least-connections", BalancingStrategy.roundRobin(), ProxyMain::strategy);
    private static final Option<Duration> CONNECT_TIMEOUT = Option.seconds("connect-timeout",
            Duration.ofSeconds(2), "connect timeout per backend, then the next is tried");
    private static final Option<Duration> HEALTH_INTERVAL = Option.seconds("health-interval",
            Duration.ofSeconds(2), "pause between two connect probes of every backend");
    private static final Option<Optional<Integer>> MAX_CONNS_PER_IP = Option.optionalPositiveInt(
            "max-conns-per-ip", "N", "most concurrent connections per client address");

    /** Every option, in the order of the usage text. */
    static final List<Option<?>> OPTIONS = List.of(PORT, HOST, BACKEND, STRATEGY, CONNECT_TIMEOUT,
            HEALTH_INTERVAL, MAX_CONNS_PER_IP);

    private ProxyMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("proxy", "TCP proxy and load balancer with health checks.",
                OPTIONS, args, options -> {
                    ProxyComponent app = DaggerProxyComponent.factory().create(server(options), proxy(options));
                    return List.of(app.proxy(), app.server().start());
                });
    }

    static TcpServerConfig server(CommandLine options) {
        TcpServerConfig.Builder server = TcpServerConfig.builder().name("proxy")
                .host(options.get(HOST)).port(options.get(PORT));
        options.get(MAX_CONNS_PER_IP).ifPresent(max -> server.admission(
                new PerAddressAdmission(AddressLimits.none().withMaxConcurrentConnections(max))));
        return server.build();
    }

    static ProxyConfig proxy(CommandLine options) {
        return ProxyConfig.of(options.all(BACKEND)).withStrategy(options.get(STRATEGY))
                .withConnectTimeout(options.get(CONNECT_TIMEOUT))
                .withHealthCheckInterval(options.get(HEALTH_INTERVAL));
    }

    private static BalancingStrategy strategy(String name) {
        return switch (name) {
            case "round-robin" -> BalancingStrategy.roundRobin();
            case "least-connections" -> BalancingStrategy.leastConnections();
            default -> throw new IllegalArgumentException("round-robin or least-connections, not " + name);
        };
    }

    /** Runs the proxy sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
