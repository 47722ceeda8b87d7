package dev.weft.core.proxy;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.internal.ClientChannel;
import dev.weft.core.internal.tls.ClientTlsContext;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TlsMetrics;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy and load balancer, as the {@link ConnectionHandler} of a
 * {@link dev.weft.core.TcpServer}.
 *
 * <pre>{@code
 * try (TcpProxy proxy = new TcpProxy(ProxyConfig.of(List.of(backendA, backendB)));
 *      TcpServer server = new TcpServer(TcpServerConfig.loopback(8000), proxy).start()) {
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>For each client connection it asks the {@link BalancingStrategy} for a backend among the
 * healthy ones (all of them when none is healthy, since they may have recovered since the last
 * probe), and connects to it within the connect timeout. When that fails, the backend is marked
 * down and the next one is tried, until every candidate has been tried once. All of this
 * happens before a single byte is read from the client, so a retry can never duplicate or lose
 * client data. When no backend can be reached the client's connection is closed at once
 * (counted in {@link ProxyMetrics#unavailable()}, logged at WARN). Then both directions are
 * copied until both have ended, half-closes passed through.
 *
 * <p>With {@link ProxyConfig#backendTls()} the backend connections speak TLS: the handshake runs
 * right after the connect, and a backend whose handshake fails is handled as one whose connect
 * failed. Health checks stay TCP connects.
 *
 * <p>The {@link HealthChecker} runs on a thread of the server while it runs: it starts when the
 * server has started and stops when the server stops (or at {@link #close()}).
 */
public final class TcpProxy implements ConnectionHandler, ServerAware, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private final ProxyConfig config;
    private final List<Backend> backends;
    private final HealthChecker healthChecker;
    private final LongAdder unavailable = new LongAdder();
    private final Optional<ClientTlsContext> backendTls;

    /**
     * Creates the proxy; its health checks start with its server.
     *
     * @param config the proxy's configuration, not null
     * @throws TlsConfigException when a file of the backend TLS configuration is missing or
     *     damaged, naming the file and the problem
     */
    public TcpProxy(ProxyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.backends = config.backends().stream().map(Backend::new).toList();
        this.healthChecker = new HealthChecker(backends, config.timeouts().healthCheckInterval(),
                config.timeouts().connect());
        this.backendTls = config.backendTls().map(ClientTlsContext::create);
    }

    /** Starts the health checks on a thread of the server. */
    @Override
    public void serverStarted(ServerScope scope) {
        healthChecker.start(scope);
    }

    /** Stops the health checks. */
    @Override
    public void serverStopping() {
        healthChecker.close();
    }

    @Override
    public void handle(Connection client) throws IOException {
        for (Backend backend : attemptOrder()) {
            ClientChannel upstream;
            try {
                upstream = open(backend, client);
            } catch (IOException e) {
                backend.connectFailed();
                backend.healthy(false, "connect failed: " + e.getMessage());
                log.debug("{} connect to {} failed, trying the next backend: {}", client, backend, e.toString());
                continue;
            }
            splice(client, backend, upstream);
            return;
        }
        unavailable.increment();
        log.warn("{} closed: no backend reachable among {}", client, config.backends());
    }

    /** Connects to {@code backend} and, when configured, completes the TLS handshake. */
    private ClientChannel open(Backend backend, Connection client) throws IOException {
        SocketChannel channel = Dialer.connect(backend.address(), config.timeouts().connect());
        try {
            return backendTls.isPresent()
                    ? ClientChannel.tls(channel, backendTls.get(), backend.address(), client + "-backend")
                    : ClientChannel.plain(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void splice(Connection client, Backend backend, ClientChannel upstream) throws IOException {
        backend.connected();
        try (upstream) {
            log.debug("{} paired with {}", client, backend);
            new Splice(client, upstream, backend, config.timeouts().idle(), config.bufferBytes()).run();
        } finally {
            backend.disconnected();
        }
    }

    /** The strategy's choice first, then the other candidates in configuration order after it. */
    List<Backend> attemptOrder() {
        List<Backend> healthy = backends.stream().filter(Backend::healthy).toList();
        List<Backend> candidates = healthy.isEmpty() ? backends : healthy;
        int first = candidates.indexOf(config.strategy().choose(candidates));
        List<Backend> order = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            order.add(candidates.get((first + i) % candidates.size()));
        }
        return order;
    }

    /** {@return the backends, in configuration order} */
    public List<Backend> backends() {
        return backends;
    }

    /** {@return the health checker, for probing on demand} */
    public HealthChecker healthChecker() {
        return healthChecker;
    }

    /** {@return a snapshot of the counters} */
    public ProxyMetrics metrics() {
        return new ProxyMetrics(unavailable.sum(), backends.stream().map(Backend::metrics).toList());
    }

    /**
     * The TLS handshakes with the backends: completed, and failed by reason; {@link
     * TlsMetrics#NONE} when the backends are plain.
     *
     * @return a snapshot of the backend handshake counters
     */
    public TlsMetrics backendTlsMetrics() {
        return backendTls.map(context -> context.counters().snapshot()).orElse(TlsMetrics.NONE);
    }

    /** Stops the health checks; connections in progress go on until they end. */
    @Override
    public void close() {
        healthChecker.close();
    }

    @Override
    public String toString() {
        return "TcpProxy[" + config.strategy() + " over " + config.backends() + "]";
    }
}
