package dev.weft.http.internal.h2;

import dev.weft.http.Headers;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a decoded request header list into an {@link H2Request}, refusing a malformed one
 * (RFC 9113 section 8.1.1) with a stream error {@code PROTOCOL_ERROR}: field names with upper
 * case, controls, spaces or non-ASCII; values with NUL, CR, LF or surrounding whitespace;
 * pseudo-header fields that are unknown, repeated, after a regular field, or missing
 * ({@code :method}, {@code :scheme}, {@code :path}, except for {@code CONNECT}); an empty
 * {@code :path}; connection-specific fields ({@code connection}, {@code keep-alive},
 * {@code proxy-connection}, {@code transfer-encoding}, {@code upgrade}) and {@code te} other
 * than {@code trailers}; conflicting {@code content-length} values; a {@code host} naming another
 * authority than {@code :authority}.
 *
 * <p>Handlers see HTTP/1.1-shaped headers: {@code :authority} becomes {@code host} when there is
 * none, and the crumbs of a split {@code cookie} are joined with {@code "; "} (section 8.2.3).
 */
final class RequestHeaders {

    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private RequestHeaders() {
    }

    /** Validates a request's header list and builds the request. */
    static H2Request request(int streamId, HeaderFields fields) throws StreamError {
        String method = null;
        String scheme = null;
        String path = null;
        String authority = null;
        boolean regularSeen = false;
        Headers.Builder headers = Headers.builder();
        StringBuilder cookie = null;
        String host = null;
        OptionalLong contentLength = OptionalLong.empty();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            String value = fields.value(i);
            checkField(streamId, name, value);
            if (name.charAt(0) == ':') {
                if (regularSeen) {
                    throw malformed(streamId, "pseudo-header " + name + " after a regular field");
                }
                switch (name) {
                    case ":method" -> method = once(streamId, name, method, value);
                    case ":scheme" -> scheme = once(streamId, name, scheme, value);
                    case ":path" -> path = once(streamId, name, path, value);
                    case ":authority" -> authority = once(streamId, name, authority, value);
                    default -> throw malformed(streamId, "unknown pseudo-header " + name);
                }
                continue;
            }
            regularSeen = true;
            checkRegular(streamId, name, value);
            switch (name) {
                case "cookie" -> {
                    cookie = cookie == null ? new StringBuilder(value) : cookie.append("; ").append(value);
                    continue;
                }
                case "content-length" -> contentLength = contentLength(streamId, value, contentLength);
                case "host" -> host = value;
                default -> {
                    // An ordinary field.
                }
            }
            add(streamId, headers, name, value);
        }
        if (cookie != null) {
            add(streamId, headers, "cookie", cookie.toString());
        }
        if (method == null) {
            throw malformed(streamId, "missing :method");
        }
        if (method.equals("CONNECT")) {
            if (scheme != null || path != null || authority == null) {
                throw malformed(streamId, "CONNECT needs :authority and no :scheme or :path");
            }
            path = "";
        } else if (scheme == null || path == null) {
            throw malformed(streamId, "missing " + (scheme == null ? ":scheme" : ":path"));
        } else if (path.isEmpty() || !(path.charAt(0) == '/' || (path.equals("*") && method.equals("OPTIONS")))) {
            throw malformed(streamId, "invalid :path " + (path.isEmpty() ? "(empty)" : path));
        }
        if (authority != null) {
            if (host == null) {
                add(streamId, headers, "host", authority);
            } else if (!host.equalsIgnoreCase(authority)) {
                throw malformed(streamId, "host " + host + " differs from :authority " + authority);
            }
        }
        return new H2Request(method, scheme == null ? "" : scheme, path, authority, headers.build(), contentLength);
    }

    /** Validates trailers: regular fields only, under the same rules. */
    static void checkTrailers(int streamId, HeaderFields fields) throws StreamError {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            checkField(streamId, name, fields.value(i));
            if (name.charAt(0) == ':') {
                throw malformed(streamId, "pseudo-header " + name + " in trailers");
            }
            checkRegular(streamId, name, fields.value(i));
        }
    }

    private static void checkRegular(int streamId, String name, String value) throws StreamError {
        if (CONNECTION_SPECIFIC.contains(name)) {
            throw malformed(streamId, "connection-specific field " + name);
        }
        if (name.equals("te") && !value.equalsIgnoreCase("trailers")) {
            throw malformed(streamId, "te other than trailers");
        }
    }

    private static void checkField(int streamId, String name, String value) throws StreamError {
        if (name.isEmpty()) {
            throw malformed(streamId, "empty field name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || (c >= 'A' && c <= 'Z') || c >= 0x7F || (c == ':' && i > 0)) {
                throw malformed(streamId, "invalid character 0x" + Integer.toHexString(c) + " in field name");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                throw malformed(streamId, "NUL, CR or LF in the value of " + name);
            }
        }
        if (!value.isEmpty() && (isWhitespace(value.charAt(0)) || isWhitespace(value.charAt(value.length() - 1)))) {
            throw malformed(streamId, "whitespace around the value of " + name);
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String once(int streamId, String name, String previous, String value) throws StreamError {
        if (previous != null) {
            throw malformed(streamId, "repeated pseudo-header " + name);
        }
        return value;
    }

    private static OptionalLong contentLength(int streamId, String value, OptionalLong previous) throws StreamError {
        if (value.isEmpty() || value.length() > 18) {
            throw malformed(streamId, "invalid content-length");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(streamId, "invalid content-length");
            }
            length = length * 10 + (c - '0');
        }
        if (previous.isPresent() && previous.getAsLong() != length) {
            throw malformed(streamId, "conflicting content-length values");
        }
        return OptionalLong.of(length);
    }

    private static void add(int streamId, Headers.Builder headers, String name, String value) throws StreamError {
        try {
            headers.add(name, value);
        } catch (IllegalArgumentException e) {
            throw malformed(streamId, e.getMessage());
        }
    }

    private static StreamError malformed(int streamId, String message) {
        return new StreamError(streamId, ErrorCode.PROTOCOL_ERROR, "malformed request: " + message);
    }
}
