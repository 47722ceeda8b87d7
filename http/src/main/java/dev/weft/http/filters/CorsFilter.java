package dev.weft.http.filters;

import dev.weft.http.Filter;
import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.HttpHandler;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HeaderElements;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol) by a {@link CorsPolicy}.
 *
 * <ul>
 *   <li><b>Preflight</b> ({@code OPTIONS} with {@code Origin} and
 *       {@code Access-Control-Request-Method}): answered here, without reaching the routes —
 *       {@code 204} with {@code Access-Control-Allow-Origin}, {@code -Methods}, {@code -Headers}
 *       (the requested ones), {@code -Max-Age} and {@code -Credentials} when the origin, the method
 *       and every requested header are allowed; {@code 403} naming what is not, otherwise.</li>
 *   <li><b>Other requests from an allowed origin</b>: the response gets
 *       {@code Access-Control-Allow-Origin} (the origin itself, or {@code *} for any origin without
 *       credentials), {@code -Credentials} and {@code -Expose-Headers}. This includes 404s,
 *       failures and requests the server refused before routing, so a script can read why its
 *       request failed. From other origins the response goes out unchanged (the browser then hides
 *       it from the script); the request is not refused, since non-browser clients send
 *       {@code Origin} too.</li>
 *   <li>Every response that depends on the origin says {@code Vary: Origin}, so caches keep one
 *       copy per origin.</li>
 * </ul>
 */
public final class CorsFilter implements Filter {

    /** Outside compression and the application's filters: preflights never reach authentication. */
    public static final int ORDER = 300;

    private final CorsPolicy policy;
    private final String allowedMethods;
    private final boolean echoOrigin;

    /**
     * A filter applying {@code policy}.
     *
     * @param policy the policy
     */
    public CorsFilter(CorsPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.allowedMethods = policy.allowedMethods().stream().sorted().map(Method::name)
                .collect(Collectors.joining(", "));
        this.echoOrigin = policy.allowCredentials() || !policy.allowedOrigins().contains(CorsPolicy.ANY);
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        Optional<String> origin = request.header("Origin");
        if (origin.isEmpty()) {
            return vary(next.handle(request));
        }
        boolean allowed = policy.allowsOrigin(origin.get());
        Optional<String> preflightMethod = request.header("Access-Control-Request-Method");
        if (request.method() == Method.OPTIONS && preflightMethod.isPresent()
                && request.context().refusal().isEmpty()) {
            return preflight(request, origin.get(), allowed, preflightMethod.get());
        }
        Response response = next.handle(request);
        if (!allowed) {
            return vary(response);
        }
        Headers.Builder headers = response.headers().toBuilder()
                .add("Access-Control-Allow-Origin", echoOrigin ? origin.get() : CorsPolicy.ANY);
        if (policy.allowCredentials()) {
            headers.add("Access-Control-Allow-Credentials", "true");
        }
        if (!policy.exposedHeaders().isEmpty()) {
            headers.add("Access-Control-Expose-Headers", String.join(", ", policy.exposedHeaders()));
        }
        return vary(new Response(response.status(), headers.build(), response.body()));
    }

    private Response preflight(Request request, String origin, boolean allowed, String method) {
        if (!allowed) {
            throw refused("origin " + origin + " is not allowed");
        }
        if (policy.allowedMethods().stream().noneMatch(m -> m.name().equals(method))) {
            throw refused("method " + method + " is not allowed");
        }
        String requested = request.headers().all("Access-Control-Request-Headers").stream()
                .flatMap(value -> HeaderElements.of(value).stream()).collect(Collectors.joining(", "));
        if (!policy.allowedHeaders().contains(CorsPolicy.ANY)) {
            for (String header : HeaderElements.of(requested)) {
                if (!policy.allowedHeaders().contains(header.toLowerCase(Locale.ROOT))) {
                    throw refused("header " + header + " is not allowed");
                }
            }
        }
        Headers.Builder headers = Headers.builder()
                .add("Access-Control-Allow-Origin", echoOrigin ? origin : CorsPolicy.ANY)
                .add("Access-Control-Allow-Methods", allowedMethods);
        if (!requested.isEmpty()) {
            headers.add("Access-Control-Allow-Headers", requested);
        }
        policy.maxAge().ifPresent(age -> headers.add("Access-Control-Max-Age", Long.toString(age.toSeconds())));
        if (policy.allowCredentials()) {
            headers.add("Access-Control-Allow-Credentials", "true");
        }
        headers.add("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        return new Response(Status.NO_CONTENT_204, headers.build(), Response.Empty.INSTANCE);
    }

    private Response vary(Response response) {
        return echoOrigin ? VaryHeader.add(response, "Origin") : response;
    }

    private static HttpException refused(String why) {
        return new HttpException(Status.FORBIDDEN_403, "CORS preflight refused: " + why);
    }

    @Override
    public String toString() {
        return "CorsFilter[" + policy.allowedOrigins() + "]";
    }
}
