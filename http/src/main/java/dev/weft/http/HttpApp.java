package dev.weft.http;

import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.http.health.Health;
import dev.weft.http.health.NamedCheck;
import dev.weft.http.json.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The short way to an HTTP service: routes, filters, exception mappers and settings added one call
 * at a time, then {@link #start(int)}. It builds the same {@link Router}, {@link HttpPipeline} and
 * {@link HttpServer} an application could assemble itself (or with Dagger, see
 * {@code dev.weft.http.inject.HttpModule}), so everything said there holds here.
 *
 * <pre>{@code
 * HttpServer server = HttpApp.create()
 *         .filter(new AccessLogFilter())
 *         .get("/todos/{id}", request -> Response.json(todos.find(request.pathParameter("id", Long.class))))
 *         .post("/todos", request -> Response.json(Status.CREATED_201, todos.add(request.body(NewTodo.class))))
 *         .exception(NoSuchTodo.class, (e, request) -> Response.text(Status.NOT_FOUND_404, e.getMessage()))
 *         .staticFiles("/", ClassPathFiles.of("public"))
 *         .start(8080);
 * }</pre>
 *
 * <p>Filters run in the order added, the first outermost. An app is configured on one thread and
 * then started once; adding to it afterwards is refused. Handlers run on each connection's virtual
 * thread and may block.
 *
 * <p>An app is also the unit a test starts and stops: {@link #start()} starts the servers it was
 * given with {@link #alsoServe(TcpServer)} (a line service sharing its registry), then the HTTP
 * server; {@link #close()} stops them all, and {@link #uri(String)} addresses it — so weft-testing's
 * {@code @TestServer} and {@code HttpTestClient} take an {@code HttpApp} as they take a server.
 */
public final class HttpApp implements AutoCloseable {

    private final List<Route> routes = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private final List<ExceptionMapping> mappings = new ArrayList<>();
    private JsonCodec json;
    private FormLimits forms = FormLimits.DEFAULTS;
    private final List<TcpServer> alongside = new ArrayList<>();
    private HttpServerConfig config = HttpServerConfig.builder().build();
    private ClientRegistry registry;
    private HttpServer server;

    private HttpApp() {
    }

    /**
     * An empty app.
     *
     * @return the app
     */
    public static HttpApp create() {
        return new HttpApp();
    }

    /**
     * Adds a route.
     *
     * @param route the route
     * @return this app
     */
    public HttpApp route(Route route) {
        requireNotStarted();
        routes.add(Objects.requireNonNull(route, "route"));
        return this;
    }

    /**
     * Adds routes, such as {@code Health.routes()}.
     *
     * @param more the routes
     * @return this app
     */
    public HttpApp routes(List<Route> more) {
        more.forEach(this::route);
        return this;
    }

    /**
     * Routes {@code GET} (and {@code HEAD}) {@code pattern} to {@code handler}.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return this app
     */
    public HttpApp get(String pattern, HttpHandler handler) {
        return route(Route.get(pattern, handler));
    }

    /**
     * Routes {@code POST pattern} to {@code handler}.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return this app
     */
    public HttpApp post(String pattern, HttpHandler handler) {
        return route(Route.post(pattern, handler));
    }

    /**
     * Routes {@code PUT pattern} to {@code handler}.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return this app
     */
    public HttpApp put(String pattern, HttpHandler handler) {
        return route(Route.put(pattern, handler));
    }

    /**
     * Routes {@code PATCH pattern} to {@code handler}.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return this app
     */
    public HttpApp patch(String pattern, HttpHandler handler) {
        return route(Route.patch(pattern, handler));
    }

    /**
     * Routes {@code DELETE pattern} to {@code handler}.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return this app
     */
    public HttpApp delete(String pattern, HttpHandler handler) {
        return route(Route.delete(pattern, handler));
    }

    /**
     * Serves files under {@code prefix}: {@code GET prefix/*} to {@code files}, a
     * {@link dev.weft.http.files.StaticFiles} or {@link dev.weft.http.files.ClassPathFiles}.
     *
     * @param prefix the path the files are under, {@code "/"} for the root
     * @param files  the handler of the files
     * @return this app
     */
    public HttpApp staticFiles(String prefix, HttpHandler files) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return get(base + "*", files);
    }

    /**
     * Adds the health routes {@code /health}, {@code /health/live} and {@code /health/ready} over
     * {@code checks} (see {@link Health}).
     *
     * @param checks the checks; none is allowed
     * @return this app
     */
    public HttpApp health(NamedCheck... checks) {
        return routes(Health.of(checks).routes());
    }

    /**
     * Adds a filter inside those added before.
     *
     * @param filter the filter
     * @return this app
     */
    public HttpApp filter(Filter filter) {
        requireNotStarted();
        filters.add(Objects.requireNonNull(filter, "filter"));
        return this;
    }

    /**
     * Maps exceptions of {@code type} with {@code mapper} (see {@link ExceptionMapping}).
     *
     * @param type   the exception type
     * @param mapper what makes the response
     * @param <E>    the exception type
     * @return this app
     */
    public <E extends Exception> HttpApp exception(Class<E> type, ExceptionMapper<? super E> mapper) {
        requireNotStarted();
        mappings.add(ExceptionMapping.of(type, mapper));
        return this;
    }

    /**
     * The JSON codec of this app (see {@link HttpPipeline.Builder#json(JsonCodec)}); by default
     * the one {@link java.util.ServiceLoader} finds, such as {@code weft-jackson}'s.
     *
     * @param codec the codec
     * @return this app
     */
    public HttpApp json(JsonCodec codec) {
        requireNotStarted();
        json = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * The limits of {@link Request#form()}; default {@link FormLimits#DEFAULTS}.
     *
     * @param limits the limits
     * @return this app
     */
    public HttpApp forms(FormLimits limits) {
        requireNotStarted();
        forms = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * The client registry to share with the application's other servers (a TCP line service, say);
     * by default the server has one of its own.
     *
     * @param shared the registry
     * @return this app
     */
    public HttpApp registry(ClientRegistry shared) {
        requireNotStarted();
        registry = Objects.requireNonNull(shared, "registry");
        return this;
    }

    /**
     * Where and how {@link #start()} listens; by default every local address, an ephemeral port
     * and the defaults of {@link HttpServerConfig}.
     *
     * @param serverConfig the configuration
     * @return this app
     */
    public HttpApp config(HttpServerConfig serverConfig) {
        requireNotStarted();
        config = Objects.requireNonNull(serverConfig, "serverConfig");
        return this;
    }

    /**
     * Runs {@code other} with this app: started before the HTTP server (so that it is up when the
     * first request arrives) and stopped after it. For a TCP service that shares the app's
     * {@linkplain #registry(ClientRegistry) registry}; give it the same registry when creating it.
     *
     * @param other a server, not started yet
     * @return this app
     */
    public HttpApp alsoServe(TcpServer other) {
        requireNotStarted();
        alongside.add(Objects.requireNonNull(other, "other"));
        return this;
    }

    /**
     * The pipeline of what was added so far: the router of the routes, the filters, the mappers.
     * A test can call it as a function; {@link #start} builds its own.
     *
     * @return the pipeline
     * @throws IllegalStateException {@code "duplicate route GET /x"} and the like
     */
    public HttpPipeline pipeline() {
        HttpPipeline.Builder builder = HttpPipeline.builder(Router.of(routes)).exceptions(mappings).forms(forms);
        filters.forEach(builder::filter);
        if (json != null) {
            builder.json(json);
        }
        return builder.build();
    }

    /**
     * Starts serving on {@code port} of every local address, with the defaults of
     * {@link HttpServerConfig}.
     *
     * @param port the port; 0 for an ephemeral one
     * @return the server, started
     * @throws IOException when the port cannot be bound
     */
    public HttpServer start(int port) throws IOException {
        return start(HttpServerConfig.builder().port(port).build());
    }

    /**
     * Starts serving with {@code serverConfig}.
     *
     * @param serverConfig where and how to listen
     * @return the server, started
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when the app was started before
     */
    public HttpServer start(HttpServerConfig serverConfig) throws IOException {
        config(serverConfig);
        return start();
    }

    /**
     * Starts the servers given to {@link #alsoServe(TcpServer)}, then the HTTP server with the
     * {@link #config(HttpServerConfig) configuration}. When one fails to start, those already
     * started are stopped again.
     *
     * @return the HTTP server, started
     * @throws IOException when an address cannot be bound
     * @throws IllegalStateException when the app was started before, or its routes clash
     */
    public HttpServer start() throws IOException {
        requireNotStarted();
        HttpPipeline pipeline = pipeline();
        HttpServer created = registry == null ? new HttpServer(config, pipeline)
                : new HttpServer(config, pipeline, registry);
        List<TcpServer> started = new ArrayList<>();
        try {
            for (TcpServer other : alongside) {
                started.add(other.start());
            }
            server = created.start();
        } catch (IOException | RuntimeException e) {
            started.reversed().forEach(TcpServer::close);
            throw e;
        }
        return server;
    }

    /**
     * The address of {@code path} on the running HTTP server: {@code http://host:port/path}.
     *
     * @param path the path, with any query
     * @return the address
     * @throws IllegalStateException before {@link #start()}
     */
    public URI uri(String path) {
        return server().uri(path);
    }

    /**
     * Stops the HTTP server (see {@link HttpServer#stop(Duration)}), then the servers given to
     * {@link #alsoServe(TcpServer)}, each with the same grace. Does nothing before
     * {@link #start()}.
     *
     * @param grace how long requests and connections in progress may take to finish
     */
    public void stop(Duration grace) {
        if (server != null) {
            server.stop(grace);
            alongside.reversed().forEach(other -> other.stop(grace));
        }
    }

    /** Stops the HTTP server and then the others, each with its configured shutdown grace. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            alongside.reversed().forEach(TcpServer::close);
        }
    }

    /**
     * The running server, for a route that reports its metrics.
     *
     * @return the server
     * @throws IllegalStateException before {@link #start}
     */
    public HttpServer server() {
        if (server == null) {
            throw new IllegalStateException("the app has not been started");
        }
        return server;
    }

    private void requireNotStarted() {
        if (server != null) {
            throw new IllegalStateException("the app has been started; configure it before start()");
        }
    }
}
