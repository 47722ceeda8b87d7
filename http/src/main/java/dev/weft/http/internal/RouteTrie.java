package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Method;
import dev.weft.http.Route;
import dev.weft.http.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes compiled into a tree of path segments, matched without regular expressions or
 * per-request allocation beyond the path parameters (a route without parameters matches to an
 * outcome made when the tree was built): literal segments first, then a
 * {@code {name}} segment, then a trailing {@code *}, backtracking when a branch leads nowhere.
 * Each node is visited at most once per pass; a second pass, only when no route has the
 * method, finds the methods allowed for a 405.
 */
public final class RouteTrie {

    private static final Method[] METHODS = Method.values();

    /** The outcome of matching a request. */
    public sealed interface Match permits Found, NotAllowed, NotFound {
    }

    /**
     * A route matched.
     *
     * @param route      the route
     * @param parameters the decoded path parameters
     */
    public record Found(Route route, Map<String, String> parameters) implements Match {
    }

    /**
     * The path is known, the method is not routed for it.
     *
     * @param allowed the methods that are
     */
    public record NotAllowed(Set<Method> allowed) implements Match {
    }

    /** No route has this path. */
    public record NotFound() implements Match {
    }

    private static final NotFound NOT_FOUND = new NotFound();

    private static final class Node {
        private String[] literalKeys = new String[0];
        private Node[] literals = new Node[0];
        private Node param;
        private String paramName;
        private Node wildcard;
        /** The match of each method without path parameters, made once: no allocation per request. */
        private final Found[] handlers = new Found[METHODS.length];
        private boolean routed;

        /** This node's route for {@code method} ({@code HEAD} falling back to {@code GET}), or null. */
        Found handler(Method method) {
            Found found = handlers[method.ordinal()];
            return found == null && method == Method.HEAD ? handlers[Method.GET.ordinal()] : found;
        }

        /** Whether this node ends a match: it has a handler for {@code method}, or any when null. */
        boolean accepts(Method method) {
            return method == null ? routed : handler(method) != null;
        }

        Node literal(String key) {
            for (int i = 0; i < literalKeys.length; i++) {
                if (literalKeys[i].equals(key)) {
                    return literals[i];
                }
            }
            literalKeys = Arrays.copyOf(literalKeys, literalKeys.length + 1);
            literals = Arrays.copyOf(literals, literals.length + 1);
            literalKeys[literalKeys.length - 1] = key;
            return literals[literals.length - 1] = new Node();
        }
    }

    private final Node root = new Node();

    /**
     * Compiles {@code routes}.
     *
     * @param routes the routes to match, in any order
     * @throws IllegalStateException {@code "duplicate route GET /x"} when two routes have the same
     *     method and template shape, or when one position has parameters of two names
     */
    public RouteTrie(Collection<Route> routes) {
        for (Route route : routes) {
            insert(route);
        }
    }

    private void insert(Route route) {
        Node node = root;
        for (String segment : route.pattern().substring(1).split("/", -1)) {
            if (segment.equals("*")) {
                node.wildcard = node.wildcard == null ? new Node() : node.wildcard;
                node = node.wildcard;
            } else if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                if (node.param == null) {
                    node.param = new Node();
                    node.paramName = name;
                } else if (!node.paramName.equals(name)) {
                    throw new IllegalStateException("route " + route + " names parameter {" + name
                            + "} where another route names it {" + node.paramName + "}");
                }
                node = node.param;
            } else {
                node = node.literal(segment);
            }
        }
        if (node.handlers[route.method().ordinal()] != null) {
            throw new IllegalStateException("duplicate route " + route);
        }
        node.handlers[route.method().ordinal()] = new Found(route, Map.of());
        node.routed = true;
    }

    /**
     * Matches a request.
     *
     * @param method the request's method
     * @param path   the percent-encoded path, starting with {@code /}
     * @return {@link Found} with the route and its decoded path parameters; {@link NotAllowed}
     *     with the methods the path has routes for; or {@link NotFound}
     * @throws HttpException 400 when a matched segment holds a malformed percent-escape
     */
    public Match match(Method method, String path) {
        if (!path.startsWith("/")) {
            return NOT_FOUND;
        }
        List<String> parameters = new ArrayList<>(0);
        Node node = find(root, path, 1, parameters, method);
        if (node == null) {
            Node other = find(root, path, 1, new ArrayList<>(0), null);
            return other == null ? NOT_FOUND : new NotAllowed(allowed(other));
        }
        Found found = node.handler(method);
        if (parameters.isEmpty()) {
            return found;
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < parameters.size(); i += 2) {
            map.put(parameters.get(i), parameters.get(i + 1));
        }
        return new Found(found.route(), map);
    }

    private static Set<Method> allowed(Node node) {
        Set<Method> allowed = EnumSet.of(Method.OPTIONS);
        for (Method m : METHODS) {
            if (node.handlers[m.ordinal()] != null) {
                allowed.add(m);
            }
        }
        if (allowed.contains(Method.GET)) {
            allowed.add(Method.HEAD);
        }
        return allowed;
    }

    /**
     * The node matching {@code path} from {@code start}, preferring literal over parameter over
     * wildcard, that has a handler for {@code method} (any handler when null).
     */
    private static Node find(Node node, String path, int start, List<String> parameters, Method method) {
        int slash = path.indexOf('/', start);
        int end = slash < 0 ? path.length() : slash;
        boolean last = slash < 0;
        String decoded = null;
        for (int i = 0; i < node.literals.length; i++) {
            String key = node.literalKeys[i];
            boolean equal;
            if (path.indexOf('%', start) >= 0 && path.indexOf('%', start) < end) {
                decoded = decoded == null ? decode(path.substring(start, end)) : decoded;
                equal = key.equals(decoded);
            } else {
                equal = key.length() == end - start && path.regionMatches(start, key, 0, key.length());
            }
            Node found = !equal ? null : last ? terminal(node.literals[i], parameters, method)
                    : find(node.literals[i], path, end + 1, parameters, method);
            if (found != null) {
                return found;
            }
        }
        if (node.param != null && end > start) {
            int mark = parameters.size();
            parameters.add(node.paramName);
            parameters.add(decoded == null ? decode(path.substring(start, end)) : decoded);
            Node found = last ? terminal(node.param, parameters, method)
                    : find(node.param, path, end + 1, parameters, method);
            if (found != null) {
                return found;
            }
            parameters.subList(mark, parameters.size()).clear();
        }
        if (node.wildcard != null && node.wildcard.accepts(method)) {
            parameters.add("*");
            parameters.add(decode(path.substring(start)));
            return node.wildcard;
        }
        return null;
    }

    private static Node terminal(Node node, List<String> parameters, Method method) {
        if (node.accepts(method)) {
            return node;
        }
        if (node.wildcard != null && node.wildcard.accepts(method)) {
            parameters.add("*");
            parameters.add("");
            return node.wildcard;
        }
        return null;
    }

    private static String decode(String segment) {
        try {
            return PercentDecoding.decode(segment, false);
        } catch (IllegalArgumentException e) {
            throw new HttpException(Status.BAD_REQUEST_400, "malformed percent-escape in path");
        }
    }
}
