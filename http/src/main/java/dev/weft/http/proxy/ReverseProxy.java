package dev.weft.http.proxy;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolExhaustedException;
import dev.weft.core.pool.PooledConnection;
import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.HttpHandler;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HeaderElements;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link HttpHandler} that forwards requests under a path prefix to one upstream HTTP/1.1
 * server, reusing keep-alive connections from a {@link ConnectionPool}.
 *
 * <pre>{@code
 * ConnectionPool pool = new ConnectionPool(PoolConfig.of(upstream));
 * Route.get("/proxy/*", new ReverseProxy(pool, "/proxy", ReverseProxy.Limits.DEFAULTS));
 * // GET /proxy/a/b?x=1  →  GET /a/b?x=1 on the upstream
 * }</pre>
 *
 * <p><b>Forwarding.</b> The request goes out with the prefix removed, its body read whole
 * (already bounded by the server's {@code maxBodyBytes}) and sent with {@code Content-Length},
 * {@code Host} set to the upstream, {@code X-Forwarded-For}, {@code -Host} and {@code -Proto}
 * added, and the hop-by-hop fields (those named by {@code Connection}, {@code Keep-Alive},
 * {@code Transfer-Encoding}, {@code TE}, {@code Upgrade}, ...) dropped. The response comes back
 * whole, bounded by {@link Limits}, without hop-by-hop fields, {@code Date} or {@code Server}
 * (the server sets its own).
 *
 * <p><b>Outcomes.</b> The upstream's response, whatever its status; {@code 502 Bad Gateway}
 * when the upstream cannot be reached, closes early or answers something malformed or too
 * large; {@code 503} with {@code Retry-After: 1} when every pooled connection stayed busy for
 * the pool's acquire timeout; {@code 504 Gateway Timeout} when a read waits longer than the
 * pool's read timeout. A connection that failed, or that the upstream wants closed, is not
 * reused. When a <em>reused</em> connection fails before any response byte arrives (the
 * upstream closed it while idle) an idempotent request is retried, at most twice.
 */
public final class ReverseProxy implements HttpHandler, ServerAware {


    private static final Logger log = LoggerFactory.getLogger(ReverseProxy.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "expect");
    private static final Set<String> NOT_RETURNED = Set.of("content-length", "date", "server");
    private static final Set<Method> IDEMPOTENT = Set.of(Method.GET, Method.HEAD, Method.PUT, Method.DELETE,
            Method.OPTIONS, Method.TRACE);

    /**
     * Limits on what the upstream may send back.
     *
     * @param maxResponseHeaderBytes the largest response head (status line and fields); default 16 KiB
     * @param maxResponseBodyBytes   the largest response body, held in memory; default 16 MiB.
     *                               Larger answers 502: the trade-off of a buffering proxy, which
     *                               in return always gives clients a {@code Content-Length}
     */
    public record Limits(int maxResponseHeaderBytes, long maxResponseBodyBytes) {
        /** The defaults. */
        public static final Limits DEFAULTS = new Limits(16_384, 16L << 20);

        /** Validates both limits. */
        public Limits {
            if (maxResponseHeaderBytes <= 0 || maxResponseBodyBytes < 0 || maxResponseBodyBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("limits out of range: " + maxResponseHeaderBytes + ", "
                        + maxResponseBodyBytes);
            }
        }
    }

    private final ConnectionPool pool;
    private final String prefix;
    private final String upstreamHost;
    private final UpstreamResponseReader reader;
    private final LongAdder retries = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * A proxy forwarding to the upstream of {@code pool}.
     *
     * @param pool   connections to the upstream; the caller owns it and closes it after the server
     * @param prefix the path prefix removed before forwarding ({@code "/proxy"}); {@code ""} for none
     * @param limits what the upstream may send back
     */
    public ReverseProxy(ConnectionPool pool, String prefix, Limits limits) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (prefix.endsWith("/")) {
            throw new IllegalArgumentException("prefix must not end with '/': " + prefix);
        }
        var address = pool.config().address();
        this.upstreamHost = address.getHostString() + ":" + address.getPort();
        this.reader = new UpstreamResponseReader(limits.maxResponseHeaderBytes(), limits.maxResponseBodyBytes());
    }

    /** Lends the server's threads to the pool, which evicts idle connections on one of them. */
    @Override
    public void serverStarted(ServerScope scope) {
        pool.serverStarted(scope);
    }

    /** Stops the pool's eviction; the pool itself belongs to the application, which closes it. */
    @Override
    public void serverStopping() {
        pool.serverStopping();
    }

    @Override
    public Response handle(Request request) throws IOException {
        byte[] body = request.bodyBytes();
        byte[] head = requestHead(request, body.length);
        for (int attempt = 1; ; attempt++) {
            PooledConnection connection;
            try {
                connection = pool.acquire();
            } catch (PoolExhaustedException e) {
                return failure(request, Status.SERVICE_UNAVAILABLE_503, e).withHeader("Retry-After", "1");
            } catch (IOException e) {
                return failure(request, Status.BAD_GATEWAY_502, e);
            }
            try (connection) {
                return exchange(connection, request, head, body);
            } catch (SocketTimeoutException e) {
                return failure(request, Status.GATEWAY_TIMEOUT_504, e);
            } catch (UpstreamProtocolException e) {
                return failure(request, Status.BAD_GATEWAY_502, e);
            } catch (IOException e) {
                if (connection.leases() > 1 && IDEMPOTENT.contains(request.method()) && attempt < MAX_ATTEMPTS) {
                    retries.increment();
                    log.debug("{}: reused upstream connection failed ({}), retrying", request, e.toString());
                    continue;
                }
                return failure(request, Status.BAD_GATEWAY_502, e);
            }
        }
    }

    private Response exchange(PooledConnection connection, Request request, byte[] head, byte[] body)
            throws IOException {
        try {
            connection.output().write(head);
            connection.output().write(body);
            connection.output().flush();
            UpstreamResponse response = reader.read(connection.input(), request.method() == Method.HEAD);
            if (!response.keepAlive()) {
                connection.retire();
            }
            return toResponse(response);
        } catch (IOException | RuntimeException e) {
            connection.retire();
            throw e;
        }
    }

    private byte[] requestHead(Request request, int bodyLength) {
        if (!request.path().startsWith(prefix)) {
            throw new HttpException(Status.NOT_FOUND_404, "not under " + prefix);
        }
        String path = request.path().substring(prefix.length());
        String target = (path.startsWith("/") ? path : "/" + path)
                + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        StringBuilder head = new StringBuilder(256).append(request.method().name()).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(upstreamHost).append("\r\n");
        Headers headers = request.headers();
        Set<String> named = connectionTokens(headers);
        String forwardedFor = null;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = forwardedFor == null ? headers.value(i) : forwardedFor + ", " + headers.value(i);
            } else if (!HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !named.contains(lower)) {
                head.append(name).append(": ").append(headers.value(i)).append("\r\n");
            }
        }
        String client = request.remoteAddress().getAddress().getHostAddress();
        head.append("X-Forwarded-For: ").append(forwardedFor == null ? client : forwardedFor + ", " + client)
                .append("\r\nX-Forwarded-Proto: ").append(request.tls().isPresent() ? "https" : "http").append("\r\n");
        request.header("Host").ifPresent(host -> head.append("X-Forwarded-Host: ").append(host).append("\r\n"));
        if (bodyLength > 0 || request.method() == Method.POST || request.method() == Method.PUT
                || request.method() == Method.PATCH) {
            head.append("Content-Length: ").append(bodyLength).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The lower-case field names listed by {@code Connection}: hop-by-hop too (RFC 9110 7.6.1). */
    private static Set<String> connectionTokens(Headers headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.all("Connection")) {
            tokens.addAll(HeaderElements.lowerCaseTokens(value));
        }
        return tokens;
    }

    private Response toResponse(UpstreamResponse upstream) {
        Status status = status(upstream);
        Set<String> named = new HashSet<>();
        upstream.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Connection"))
                .forEach(h -> named.addAll(Arrays.stream(h.getValue().split(","))
                        .map(t -> t.trim().toLowerCase(Locale.ROOT)).toList()));
        Headers.Builder headers = Headers.builder();
        for (Map.Entry<String, String> header : upstream.headers()) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || NOT_RETURNED.contains(lower) || named.contains(lower)) {
                continue;
            }
            try {
                headers.add(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                log.debug("dropping an invalid upstream header {}: {}", header.getKey(), e.getMessage());
            }
        }
        Response.Body body = status.forbidsBody() ? Response.Empty.INSTANCE : new Response.Bytes(upstream.body());
        return new Response(status, headers.build(), body);
    }

    private static Status status(UpstreamResponse upstream) {
        try {
            return new Status(upstream.code(), upstream.reason().isEmpty() ? "Unknown" : upstream.reason());
        } catch (IllegalArgumentException e) {
            return new Status(upstream.code(), "Unknown");
        }
    }

    private Response failure(Request request, Status status, IOException cause) {
        failures.increment();
        log.info("{} answered {}: upstream {}: {}", request, status, upstreamHost, cause.toString());
        return Response.text(status, status.reason() + "\n");
    }

    /** {@return how many requests were retried on a fresh connection after a reused one failed} */
    public long retries() {
        return retries.sum();
    }

    /** {@return how many requests were answered 502, 503 or 504} */
    public long failures() {
        return failures.sum();
    }

    @Override
    public String toString() {
        return "ReverseProxy[" + prefix + " -> " + upstreamHost + "]";
    }
}
