package dev.weft.http.filters;

import dev.weft.http.Method;
import dev.weft.http.internal.HttpChars;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cross-origin requests a {@link CorsFilter} lets browsers make.
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.builder().origins("https://app.example").allowCredentials()
 *         .exposedHeaders("X-Request-Id").build();
 * }</pre>
 *
 * @param allowedOrigins  the origins ({@code scheme://host[:port]}, exactly as browsers send them)
 *                        allowed, or just {@code "*"} for any; no default, an origin must be named
 * @param allowedMethods  the methods a preflight may ask for; default GET, HEAD, POST, PUT, PATCH,
 *                        DELETE
 * @param allowedHeaders  the request headers a preflight may ask for (any case), or {@code "*"} for
 *                        any; default {@code "*"}
 * @param exposedHeaders  the response headers scripts may read beyond the safelisted ones; default
 *                        none
 * @param allowCredentials whether scripts may send cookies and read the response with them;
 *                        default false. Refused with any origin ({@code "*"}): every site could
 *                        then act with the user's cookies
 * @param maxAge          how long a browser may cache a preflight answer; default 10 minutes
 *                        (browsers cap it: Chrome at 2 hours); empty sends no
 *                        {@code Access-Control-Max-Age}
 */
public record CorsPolicy(Set<String> allowedOrigins, Set<Method> allowedMethods, Set<String> allowedHeaders,
                         Set<String> exposedHeaders, boolean allowCredentials, Optional<Duration> maxAge) {

    /** The wildcard of {@link #allowedOrigins()} and {@link #allowedHeaders()}. */
    public static final String ANY = "*";

    /** Validates the policy. */
    public CorsPolicy {
        allowedOrigins = Set.copyOf(allowedOrigins);
        allowedMethods = Set.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        exposedHeaders = Set.copyOf(exposedHeaders);
        Objects.requireNonNull(maxAge, "maxAge");
        if (allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("allowedOrigins must name at least one origin, or \"*\"");
        }
        for (String origin : allowedOrigins) {
            if (!origin.equals(ANY)) {
                requireOrigin(origin);
            }
        }
        if (allowCredentials && allowedOrigins.contains(ANY)) {
            throw new IllegalArgumentException("allowCredentials with any origin would let every site send "
                    + "requests with the user's cookies; list the origins instead");
        }
        if (allowedMethods.contains(Method.UNKNOWN)) {
            throw new IllegalArgumentException("UNKNOWN is not a method");
        }
        for (String header : allowedHeaders) {
            if (!header.equals(ANY)) {
                HttpChars.requireValidName(header);
            }
        }
        exposedHeaders.forEach(HttpChars::requireValidName);
        if (maxAge.isPresent() && maxAge.get().isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge.get());
        }
    }

    private static void requireOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("an origin is scheme://host[:port], with no path or trailing slash: "
                    + origin);
        }
    }

    /**
     * Whether {@code origin} may make cross-origin requests.
     *
     * @param origin the request's {@code Origin}
     * @return whether it is allowed
     */
    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains(ANY) || allowedOrigins.contains(origin);
    }

    /**
     * A builder, starting from the defaults of each component.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CorsPolicy}. */
    public static final class Builder {
        private Set<String> origins = Set.of();
        private Set<Method> methods = Set.of(Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.PATCH,
                Method.DELETE);
        private Set<String> headers = Set.of(ANY);
        private Set<String> exposed = Set.of();
        private boolean credentials;
        private Optional<Duration> maxAge = Optional.of(Duration.ofMinutes(10));

        private Builder() {
        }

        /**
         * See {@link CorsPolicy#allowedOrigins()}.
         *
         * @param values the origins, or {@code "*"}
         * @return this builder
         */
        public Builder origins(String... values) {
            origins = new LinkedHashSet<>(Arrays.asList(values));
            return this;
        }

        /**
         * See {@link CorsPolicy#allowedMethods()}.
         *
         * @param values the methods
         * @return this builder
         */
        public Builder methods(Method... values) {
            methods = Set.of(values);
            return this;
        }

        /**
         * See {@link CorsPolicy#allowedHeaders()}.
         *
         * @param values the header names, or {@code "*"}
         * @return this builder
         */
        public Builder headers(String... values) {
            headers = Set.of(values);
            return this;
        }

        /**
         * See {@link CorsPolicy#exposedHeaders()}.
         *
         * @param values the header names
         * @return this builder
         */
        public Builder exposedHeaders(String... values) {
            exposed = Set.of(values);
            return this;
        }

        /**
         * Allows credentials; see {@link CorsPolicy#allowCredentials()}.
         *
         * @return this builder
         */
        public Builder allowCredentials() {
            credentials = true;
            return this;
        }

        /**
         * See {@link CorsPolicy#maxAge()}.
         *
         * @param value how long a preflight answer may be cached
         * @return this builder
         */
        public Builder maxAge(Duration value) {
            maxAge = Optional.of(value);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the policy
         */
        public CorsPolicy build() {
            return new CorsPolicy(origins, methods, headers, exposed, credentials, maxAge);
        }
    }
}
