package dev.weft.samples.proxy;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.limit.AddressLimits;
import dev.weft.core.limit.PerAddressAdmission;
import dev.weft.core.proxy.BalancingStrategy;
import dev.weft.core.proxy.ProxyConfig;
import dev.weft.samples.cli.HostAndPort;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.samples.cli.WholeSeconds;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code proxy [--port N] --backend HOST:PORT [--backend HOST:PORT ...] [--strategy S]
 * [--max-conns-per-ip N]}: a TCP proxy and load balancer.
 */
@Command(name = "proxy", description = "TCP proxy and load balancer with health checks.")
public final class ProxyMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 7100;

    @Option(names = "--backend", paramLabel = "HOST:PORT", required = true, converter = HostAndPort.class,
            description = "a backend; repeat for several")
    private List<InetSocketAddress> backends;

    @Option(names = "--strategy", paramLabel = "NAME", converter = StrategyName.class,
            description = "round-robin (default) or least-connections")
    private BalancingStrategy strategy = BalancingStrategy.roundRobin();

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", converter = WholeSeconds.class,
            description = "connect timeout per backend, then the next is tried (default: 2)")
    private Duration connectTimeout = Duration.ofSeconds(2);

    @Option(names = "--health-interval", paramLabel = "SECONDS", converter = WholeSeconds.class,
            description = "pause between two connect probes of every backend (default: 2)")
    private Duration healthInterval = Duration.ofSeconds(2);

    @Option(names = "--max-conns-per-ip", paramLabel = "N", converter = PositiveNumber.class,
            description = "most concurrent connections per client address (default: no limit)")
    private Optional<Integer> maxConnsPerIp = Optional.empty();

    ProxyMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        ProxyComponent app = DaggerProxyComponent.factory().create(server(), proxy());
        return List.of(app.proxy(), app.server().start());
    }

    TcpServerConfig server() {
        TcpServerConfig.Builder server = TcpServerConfig.builder().name("proxy").host(host()).port(port);
        maxConnsPerIp.ifPresent(max -> server.admission(
                new PerAddressAdmission(AddressLimits.none().withMaxConcurrentConnections(max))));
        return server.build();
    }

    ProxyConfig proxy() {
        return ProxyConfig.of(backends).withStrategy(strategy).withConnectTimeout(connectTimeout)
                .withHealthCheckInterval(healthInterval);
    }

    /** {@code --strategy}: a balancing strategy by name. */
    static final class StrategyName implements ITypeConverter<BalancingStrategy> {
        @Override
        public BalancingStrategy convert(String name) {
            return switch (name) {
                case "round-robin" -> BalancingStrategy.roundRobin();
                case "least-connections" -> BalancingStrategy.leastConnections();
                default -> throw new TypeConversionException("round-robin or least-connections, not " + name);
            };
        }
    }

    /** Runs the proxy sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new ProxyMain(), args);
    }
}
