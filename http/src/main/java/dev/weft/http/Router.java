package dev.weft.http;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.internal.RouteTrie;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the handler for a request by method and path template, compiled once into a segment
 * tree (no regular expression per request), and records the template in the request's
 * {@link RequestContext#route()} for the access log, metrics and JFR.
 *
 * <p>Outcomes: the route's handler when method and path match ({@code HEAD} falls back to the
 * {@code GET} route); {@link HttpException} 404 for an unknown path; 405 with {@code Allow} for a
 * known path and an unrouted method; {@code OPTIONS} on a known path, when not routed, is answered
 * {@code 204} with {@code Allow}. The router only routes: what a handler throws goes on to the
 * {@link HttpPipeline}'s error model, like its own 404 and 405, which therefore get the same bodies
 * and pass the same filters as every other response. It knows nothing of Dagger: it only takes a
 * collection. Route handlers that are {@link ServerAware} (a reverse proxy's connection pool, say)
 * hear from it when the server starts and stops.
 */
public final class Router implements HttpHandler, ServerAware {

    private static final HttpException NOT_FOUND = new HttpException(Status.NOT_FOUND_404);
    private static final Set<Method> EVERY_METHOD = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(Method.UNKNOWN)));

    private final RouteTrie trie;
    /** The route handlers that work in the background while the server runs. */
    private final ServerAwareParts serverAware;

    /**
     * Creates a router from the routes an application contributes (the form Dagger multibindings
     * take).
     *
     * @param routes the routes
     * @throws IllegalStateException {@code "duplicate route GET /x"} for two routes with the same
     *     method and template
     */
    @Inject
    public Router(Set<Route> routes) {
        this((Collection<Route>) routes);
    }

    private Router(Collection<Route> routes) {
        this.trie = new RouteTrie(routes);
        this.serverAware = new ServerAwareParts(routes.stream().map(Route::handler).toList());
    }

    /**
     * A router for {@code routes}.
     *
     * @param routes the routes
     * @return the router
     * @throws IllegalStateException {@code "duplicate route GET /x"} for two routes with the same
     *     method and template
     */
    public static Router of(Collection<Route> routes) {
        return new Router(routes);
    }

    /**
     * Routes the request to its handler.
     *
     * @throws HttpException 404, 405 (with {@code Allow}), or 400 for a malformed escape in a
     *     matched path segment
     * @throws Exception what the route's handler throws
     */
    @Override
    public Response handle(Request request) throws Exception {
        if (request.path().equals("*")) {
            return allow(Status.NO_CONTENT_204, EVERY_METHOD);
        }
        return switch (trie.match(request.method(), request.path())) {
            case RouteTrie.Found found -> {
                request.context().route(found.route().pattern());
                Request routed = found.parameters().isEmpty() ? request
                        : request.withPathParameters(found.parameters());
                yield found.route().handler().handle(routed);
            }
            case RouteTrie.NotAllowed notAllowed -> {
                if (request.method() == Method.OPTIONS) {
                    yield allow(Status.NO_CONTENT_204, notAllowed.allowed());
                }
                throw new HttpException(Status.METHOD_NOT_ALLOWED_405, Status.METHOD_NOT_ALLOWED_405.reason(),
                        Headers.of("Allow", methods(notAllowed.allowed())));
            }
            case RouteTrie.NotFound notFound -> throw NOT_FOUND;
        };
    }

    /** Tells the route handlers that are {@link ServerAware} that the server started. */
    @Override
    public void serverStarted(ServerScope scope) {
        serverAware.serverStarted(scope);
    }

    /** Tells the route handlers that are {@link ServerAware} that the server is stopping. */
    @Override
    public void serverStopping() {
        serverAware.serverStopping();
    }

    private static Response allow(Status status, Set<Method> allowed) {
        return Response.of(status).withHeader("Allow", methods(allowed));
    }

    private static String methods(Set<Method> allowed) {
        return allowed.stream().sorted().map(Method::name).collect(Collectors.joining(", "));
    }
}
