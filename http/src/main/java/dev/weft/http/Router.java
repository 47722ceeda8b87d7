package dev.weft.http;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.internal.ErrorResponses;
import dev.weft.http.internal.HandlerFailures;
import dev.weft.http.internal.RouteTrie;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the handler for a request by method and path template, compiled once into a segment
 * tree (no regular expression per request), with {@link Filter}s around every request.
 *
 * <p>Outcomes: the route's handler when method and path match ({@code HEAD} falls back to the
 * {@code GET} route); {@code 404} for an unknown path; {@code 405} with {@code Allow} for a known
 * path and an unrouted method; {@code OPTIONS} on a known path, when not routed, is answered
 * {@code 204} with {@code Allow}. A handler's {@link HttpException} becomes its status and any
 * other failure except an {@link IOException} a logged {@code 500}, inside the filters, so
 * "after" filters see those responses; an {@link IOException} goes on to the connection, which
 * answers 400 when the client broke the request body and a logged 500 otherwise. The router knows nothing of Dagger: it only takes
 * collections. Route handlers and filters that are {@link ServerAware} (a reverse proxy's
 * connection pool, say) hear from it when the server starts and stops.
 */
public final class Router implements HttpHandler, ServerAware {

    private static final Response NOT_FOUND = Response.text(Status.NOT_FOUND_404, "Not Found\n");

    private final RouteTrie trie;
    private final HttpHandler chain;
    /** The route handlers and filters that work in the background while the server runs. */
    private final List<ServerAware> serverAware;

    /**
     * Creates a router from the routes and filters an application contributes (the form Dagger
     * multibindings take). Filters of a set run in its iteration order; for a guaranteed order
     * contribute a single {@link Filter#chain(List)}.
     *
     * @throws IllegalStateException {@code "duplicate route GET /x"} for two routes with the same
     *     method and template
     */
    @Inject
    public Router(Set<Route> routes, Set<Filter> filters) {
        this((Collection<Route>) routes, List.copyOf(filters));
    }

    private Router(Collection<Route> routes, List<Filter> filters) {
        this.trie = new RouteTrie(routes);
        this.chain = Filter.wrap(filters, this::route);
        Set<ServerAware> aware = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Route route : routes) {
            if (route.handler() instanceof ServerAware a) {
                aware.add(a);
            }
        }
        for (Filter filter : filters) {
            if (filter instanceof ServerAware a) {
                aware.add(a);
            }
        }
        this.serverAware = List.copyOf(aware);
    }

    /** A router for {@code routes}, without filters. */
    public static Router of(Collection<Route> routes) {
        return new Router(routes, List.of());
    }

    /** A router for {@code routes} with {@code filters} around every request, the first outermost. */
    public static Router of(Collection<Route> routes, List<Filter> filters) {
        return new Router(routes, filters);
    }

    @Override
    public Response handle(Request request) throws Exception {
        return chain.handle(request);
    }

    /** Tells the route handlers and filters that are {@link ServerAware} that the server started. */
    @Override
    public void serverStarted(ServerScope scope) {
        serverAware.forEach(a -> a.serverStarted(scope));
    }

    /** Tells the route handlers and filters that are {@link ServerAware} that the server is stopping. */
    @Override
    public void serverStopping() {
        serverAware.forEach(ServerAware::serverStopping);
    }

    private Response route(Request request) throws IOException {
        if (request.path().equals("*")) {
            return allow(Status.NO_CONTENT_204, Set.of(Method.values()));
        }
        RouteTrie.Match match;
        try {
            match = trie.match(request.method(), request.path());
        } catch (HttpException e) {
            return ErrorResponses.of(e);
        }
        return switch (match) {
            case RouteTrie.Found found -> invoke(found, request);
            case RouteTrie.NotAllowed notAllowed -> request.method() == Method.OPTIONS
                    ? allow(Status.NO_CONTENT_204, notAllowed.allowed())
                    : allow(Status.METHOD_NOT_ALLOWED_405, notAllowed.allowed());
            case RouteTrie.NotFound notFound -> NOT_FOUND;
        };
    }

    private Response invoke(RouteTrie.Found found, Request request) throws IOException {
        Request routed = found.parameters().isEmpty() ? request : request.withPathParameters(found.parameters());
        try {
            Response response = found.handler().handle(routed);
            if (response == null) {
                throw new IllegalStateException("handler returned no response");
            }
            return response;
        } catch (IOException e) {
            throw e; // the connection loop tells a broken request body from a handler's own I/O failure
        } catch (Exception e) {
            return HandlerFailures.respond(routed, e);
        }
    }

    private static Response allow(Status status, Set<Method> allowed) {
        String methods = allowed.stream().sorted().map(Method::name).collect(Collectors.joining(", "));
        Response response = status == Status.NO_CONTENT_204 ? Response.of(status)
                : Response.text(status, status.reason() + "\n");
        return response.withHeader("Allow", methods);
    }
}
