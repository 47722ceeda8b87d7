package dev.weft.http;

import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A method, a path template and the handler for them.
 *
 * <p>Templates are literal segments, {@code {name}} segments that match any one segment (the
 * decoded value becomes a path parameter), and an optional final {@code *} that matches the
 * rest of the path, zero or more segments (available as the path parameter {@code "*"}):
 * {@code /users/{id}}, {@code /static/*}. Literal segments are compared with the decoded
 * segments of the request path.
 *
 * @param method  the method
 * @param pattern the path template, starting with {@code /}
 * @param handler the handler
 */
public record Route(Method method, String pattern, HttpHandler handler) {

    /** Validates the template. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
        if (method == Method.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is not a method a route can serve: " + pattern);
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern must start with '/': " + pattern);
        }
        String[] segments = pattern.substring(1).split("/", -1);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("*") && i != segments.length - 1) {
                throw new IllegalArgumentException("'*' may only be the last segment: " + pattern);
            }
            if (segment.startsWith("{") || segment.endsWith("}")) {
                String name = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                        ? segment.substring(1, segment.length() - 1) : "";
                if (name.isEmpty() || name.contains("{") || name.contains("}") || name.equals("*")) {
                    throw new IllegalArgumentException("malformed parameter segment '" + segment + "' in " + pattern);
                }
                if (!names.add(name)) {
                    throw new IllegalArgumentException("parameter {" + name + "} appears twice in " + pattern);
                }
            }
        }
    }

    /**
     * A {@code GET} route (also answering {@code HEAD} unless a {@code HEAD} route is given).
     *
     * @param pattern the path template
     * @param handler the handler
     * @return the route
     */
    public static Route get(String pattern, HttpHandler handler) {
        return new Route(Method.GET, pattern, handler);
    }

    /**
     * A {@code POST} route.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return the route
     */
    public static Route post(String pattern, HttpHandler handler) {
        return new Route(Method.POST, pattern, handler);
    }

    /**
     * A {@code PUT} route.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return the route
     */
    public static Route put(String pattern, HttpHandler handler) {
        return new Route(Method.PUT, pattern, handler);
    }

    /**
     * A {@code PATCH} route.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return the route
     */
    public static Route patch(String pattern, HttpHandler handler) {
        return new Route(Method.PATCH, pattern, handler);
    }

    /**
     * A {@code DELETE} route.
     *
     * @param pattern the path template
     * @param handler the handler
     * @return the route
     */
    public static Route delete(String pattern, HttpHandler handler) {
        return new Route(Method.DELETE, pattern, handler);
    }

    /**
     * A WebSocket route with the {@linkplain WebSocketConfig#DEFAULTS default configuration}
     * (same-origin pages only, no compression): a valid handshake is answered {@code 101} and
     * the connection then runs {@code endpoint}; anything else gets the HTTP error the handshake
     * calls for (see {@link Response#webSocket}).
     *
     * <pre>{@code
     * Route.websocket("/ws/echo", session -> {
     *     Message message;
     *     while ((message = session.receive()) != null) {
     *         session.send(message);
     *     }
     * })
     * }</pre>
     *
     * @param pattern  the path template
     * @param endpoint what runs on each upgraded connection, on the connection's own virtual thread
     * @return a {@code GET} route
     */
    public static Route websocket(String pattern, WebSocketEndpoint endpoint) {
        return websocket(pattern, WebSocketConfig.DEFAULTS, endpoint);
    }

    /**
     * A WebSocket route; see {@link #websocket(String, WebSocketEndpoint)}. The handshake passes
     * the pipeline's filters like any request, so a filter can refuse it (401, 403) before any
     * upgrade, and the access log records the {@code 101} or the refusal.
     *
     * @param pattern  the path template
     * @param config   limits, keep-alive, allowed origins, subprotocols, compression
     * @param endpoint what runs on each upgraded connection
     * @return a {@code GET} route
     */
    public static Route websocket(String pattern, WebSocketConfig config, WebSocketEndpoint endpoint) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(endpoint, "endpoint");
        return get(pattern, request -> Response.webSocket(request, config, endpoint));
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
