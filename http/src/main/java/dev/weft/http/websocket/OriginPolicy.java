package dev.weft.http.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may open a session: the check that keeps a page of another site from opening
 * a WebSocket to this server with the user's cookies (cross-site WebSocket hijacking). Browsers
 * always send {@code Origin} on a WebSocket handshake; a request whose origin the policy does
 * not allow is refused with {@code 403}. A request without {@code Origin} comes from a program,
 * not a browser page, and is allowed: it carries no browser's cookies.
 */
public sealed interface OriginPolicy permits OriginPolicy.SameOrigin, OriginPolicy.AllowList, OriginPolicy.AnyOrigin {

    /**
     * Pages served by this same host and port (the default): the origin's host and port must
     * equal the request's {@code Host} (a missing port meaning the scheme's default), whatever
     * the scheme, so it also holds behind a TLS-terminating proxy that keeps {@code Host}.
     *
     * @return the policy
     */
    static OriginPolicy sameOrigin() {
        return SameOrigin.INSTANCE;
    }

    /**
     * Only these origins, such as {@code https://chat.example.com} or
     * {@code http://localhost:8080}: scheme, host and port, compared case-insensitively with
     * default ports made explicit.
     *
     * @param origins the allowed origins
     * @return the policy
     * @throws IllegalArgumentException if an entry is not of the form {@code scheme://host[:port]}
     */
    static OriginPolicy allowList(Collection<String> origins) {
        return new AllowList(origins.stream().map(o -> normalize(o).orElseThrow(
                () -> new IllegalArgumentException("not an origin (scheme://host[:port]): " + o)))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Any page of any site: only for sessions that carry no authority from cookies.
     *
     * @return the policy
     */
    static OriginPolicy any() {
        return AnyOrigin.INSTANCE;
    }

    /**
     * Whether a handshake with this {@code Origin} (absent for non-browser clients) and
     * {@code Host} may proceed.
     *
     * @param origin the request's {@code Origin}, if any
     * @param host   the request's {@code Host}, if any
     * @return whether the session may open
     */
    boolean allows(Optional<String> origin, Optional<String> host);

    /** The policy of {@link #sameOrigin()}. */
    final class SameOrigin implements OriginPolicy {
        private static final SameOrigin INSTANCE = new SameOrigin();

        private SameOrigin() {
        }

        /** @return see {@link OriginPolicy#allows} */
        @Override
        public boolean allows(Optional<String> origin, Optional<String> host) {
            if (origin.isEmpty()) {
                return true;
            }
            Optional<URI> uri = parse(origin.get());
            if (uri.isEmpty() || host.isEmpty()) {
                return false;
            }
            String scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
            Optional<URI> hostUri = parse(scheme + "://" + host.get().trim());
            return hostUri.isPresent() && authority(uri.get()).equals(authority(hostUri.get()));
        }

        @Override
        public String toString() {
            return "same origin";
        }
    }

    /**
     * The policy of {@link #allowList(Collection)}.
     *
     * @param origins the allowed origins, normalised as {@code scheme://host:port}, lower case
     */
    record AllowList(Set<String> origins) implements OriginPolicy {
        /** Copies the set. */
        public AllowList {
            origins = Set.copyOf(origins);
        }

        /** @return see {@link OriginPolicy#allows} */
        @Override
        public boolean allows(Optional<String> origin, Optional<String> host) {
            return origin.isEmpty() || normalize(origin.get()).map(origins::contains).orElse(false);
        }
    }

    /** The policy of {@link #any()}. */
    final class AnyOrigin implements OriginPolicy {
        private static final AnyOrigin INSTANCE = new AnyOrigin();

        private AnyOrigin() {
        }

        /** @return see {@link OriginPolicy#allows} */
        @Override
        public boolean allows(Optional<String> origin, Optional<String> host) {
            return true;
        }

        @Override
        public String toString() {
            return "any origin";
        }
    }

    /** {@code scheme://host:port}, lower case, port explicit; empty when {@code origin} is not one. */
    private static Optional<String> normalize(String origin) {
        return parse(origin).map(uri -> uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(uri));
    }

    private static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text.trim());
            boolean plain = uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return plain ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String authority(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
                case "https", "wss" -> 443;
                default -> 80;
            };
        }
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
