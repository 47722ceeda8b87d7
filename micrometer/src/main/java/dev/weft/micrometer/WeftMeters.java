package dev.weft.micrometer;

import dev.weft.core.ClientRegistry;
import dev.weft.core.ServerMetrics;
import dev.weft.http.Http2Metrics;
import dev.weft.core.pool.PoolMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds a Weft application's counters and gauges to a Micrometer {@link MeterRegistry}: each
 * server's, the client registry's, a UDP server's, a connection pool's. Each meter reads the
 * server's own counter when the registry reads it, so binding costs nothing on the connections.
 *
 * <pre>{@code
 * PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * WeftMeters.on(meters)
 *         .server("http", http::metrics)
 *         .server("lines", lines::metrics)
 *         .clients(registry);
 * }</pre>
 *
 * <p>With Dagger, a {@code @Provides @Singleton MeterRegistry} that binds the HTTP server asks for
 * {@code Provider<HttpServer>} and binds {@code () -> server.get().metrics()}: the server is then
 * built when first scraped, and a {@code /metrics} route can depend on the registry with no cycle.
 *
 * <p>Meters (Prometheus names in brackets: dots become underscores, counters end in
 * {@code _total}, byte counters in {@code _bytes_total}):
 * <ul>
 *   <li>{@link #server}, tag {@code server}: {@code weft.server.connections.accepted},
 *       {@code .rejected}, {@code .closed} (counters), {@code weft.server.connections.active}
 *       (gauge), {@code weft.server.received} and {@code weft.server.sent} (bytes),
 *       {@code weft.server.timeouts} (tag {@code kind}: {@code idle}, {@code write}),
 *       {@code weft.server.handler.failures}, {@code weft.server.accept.failures},
 *       {@code weft.server.threads} (gauge);</li>
 *   <li>{@link #clients}: {@code weft.clients} (gauge), {@code weft.clients.slow.disconnected};</li>
 *   <li>{@link #udp}, tag {@code server}: {@code weft.udp.datagrams.received}, {@code .sent},
 *       {@code weft.udp.received} and {@code weft.udp.sent} (bytes),
 *       {@code weft.udp.datagrams.dropped} (tag {@code reason}: {@code oversized},
 *       {@code malformed}, {@code queue_full}, {@code send_queue_full}),
 *       {@code weft.udp.handler.failures}, {@code weft.udp.failures} (tag {@code operation}:
 *       {@code send}, {@code receive}), {@code weft.udp.peers} (gauge);</li>
 *   <li>{@link #pool}, tag {@code pool}: {@code weft.pool.connections.created}, {@code .reused},
 *       {@code .discarded}, {@code .evicted}, {@code weft.pool.acquire.timeouts},
 *       {@code weft.pool.connect.failures}, {@code weft.pool.connections} (gauge, tag
 *       {@code state}: {@code leased}, {@code idle});</li>
 *   <li>HTTP responses: {@link RequestMetricsFilter}.</li>
 * </ul>
 *
 * <p>A meter keeps what it reads (a server, a pool) as long as the registry lives. Binding a second
 * source under a name already bound is refused: Micrometer would otherwise keep reading the first.
 */
public final class WeftMeters {

    private final MeterRegistry registry;

    private WeftMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Binds to {@code registry}.
     *
     * @param registry the registry
     * @return the binder
     */
    public static WeftMeters on(MeterRegistry registry) {
        return new WeftMeters(registry);
    }

    /**
     * Binds a TCP-based server's counters: an {@code HttpServer}'s, a {@code TcpServer}'s.
     *
     * @param name    the {@code server} tag, unique in this registry
     * @param metrics the server's snapshot, such as {@code server::metrics}
     * @return this binder
     * @throws IllegalArgumentException when a server of that name is already bound
     */
    public WeftMeters server(String name, Supplier<ServerMetrics> metrics) {
        Tags tags = Tags.of("server", requireUnbound("weft.server.connections.accepted", "server", name));
        ServerMeters.SERVER.bind(registry, tags, Objects.requireNonNull(metrics, "metrics"));
        return this;
    }

    /**
     * Binds the application's client registry: its size and its slow-client disconnections.
     *
     * @param clients the registry every server shares
     * @return this binder
     * @throws IllegalArgumentException when a client registry is already bound
     */
    public WeftMeters clients(ClientRegistry clients) {
        Objects.requireNonNull(clients, "clients");
        if (registry.find("weft.clients").meter() != null) {
            throw new IllegalArgumentException("a client registry is already bound to this meter registry");
        }
        ServerMeters.CLIENTS.bind(registry, Tags.empty(), () -> clients);
        return this;
    }

    /**
     * Binds a UDP server's counters (needs {@code weft-udp}, which any application with a
     * {@code UdpServer} has).
     *
     * @param name    the {@code server} tag, unique among UDP servers in this registry
     * @param metrics the server's snapshot, such as {@code udp::metrics}
     * @return this binder
     * @throws IllegalArgumentException when a UDP server of that name is already bound
     */
    public WeftMeters udp(String name, Supplier<dev.weft.udp.UdpMetrics> metrics) {
        Tags tags = Tags.of("server", requireUnbound("weft.udp.datagrams.received", "server", name));
        UdpMeters.UDP.bind(registry, tags, Objects.requireNonNull(metrics, "metrics"));
        return this;
    }

    /**
     * Binds an HTTP server's HTTP/2 counters ({@code weft.http2.*}: connections and streams with
     * gauges of the open ones, refused and reset streams, write timeouts, 431s, connection errors,
     * timeouts, and the abusive connections by {@code kind}).
     *
     * @param name    the {@code server} tag, unique among HTTP/2 servers in this registry
     * @param metrics the server's snapshot, such as {@code server::http2Metrics}
     * @return this binder
     * @throws IllegalArgumentException when an HTTP/2 server of that name is already bound
     */
    public WeftMeters http2(String name, Supplier<Http2Metrics> metrics) {
        Tags tags = Tags.of("server", requireUnbound("weft.http2.connections", "server", name));
        Http2Meters.HTTP2.bind(registry, tags, Objects.requireNonNull(metrics, "metrics"));
        return this;
    }

    /**
     * Binds a client-side connection pool's counters.
     *
     * @param name    the {@code pool} tag, unique in this registry
     * @param metrics the pool's snapshot, such as {@code pool::metrics}
     * @return this binder
     * @throws IllegalArgumentException when a pool of that name is already bound
     */
    public WeftMeters pool(String name, Supplier<PoolMetrics> metrics) {
        Tags tags = Tags.of("pool", requireUnbound("weft.pool.connections.created", "pool", name));
        PoolMeters.POOL.bind(registry, tags, Objects.requireNonNull(metrics, "metrics"));
        return this;
    }

    /**
     * The registry bound to.
     *
     * @return the registry
     */
    public MeterRegistry registry() {
        return registry;
    }

    private String requireUnbound(String meter, String tag, String name) {
        Objects.requireNonNull(name, tag);
        if (name.isBlank()) {
            throw new IllegalArgumentException("the " + tag + " name must not be blank");
        }
        if (registry.find(meter).tag(tag, name).meter() != null) {
            throw new IllegalArgumentException("a " + tag + " named \"" + name + "\" is already bound to this registry");
        }
        return name;
    }
}
