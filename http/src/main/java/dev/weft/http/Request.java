package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request, as handed to an {@link HttpHandler}.
 *
 * <p>The body is a stream that reads exactly this request's body — never into the next
 * pipelined request — and enforces {@link HttpLimits#maxBodyBytes()}. When the client sent
 * {@code Expect: 100-continue}, the first read of the body sends {@code 100 Continue}; a
 * handler that never reads the body never asks for it. A malformed chunked body or one over the
 * limit makes the body stream throw {@link HttpException} (400 or 413), which reaches the client
 * if the handler lets it propagate; the connection is closed after the response either way.
 *
 * @param method         the method
 * @param target         the request target exactly as sent (for example {@code /a%20b?x=1})
 * @param path           the path of the target, still percent-encoded ({@code /a%20b}); for an
 *                       absolute-form target, the path of the URI
 * @param rawQuery       the query after {@code ?}, still encoded; empty when there is none
 * @param version        {@code "HTTP/1.1"} or {@code "HTTP/1.0"}
 * @param headers        the header fields, names case-insensitive, values trimmed
 * @param pathParameters the decoded values of the route's {@code {name}} segments, and of its
 *                       trailing {@code *} under the name {@code "*"}
 * @param body           the body; empty when the request has none
 * @param remoteAddress  the client's address
 */
public record Request(Method method, String target, String path, String rawQuery, String version,
                      Headers headers, Map<String, String> pathParameters, InputStream body,
                      InetSocketAddress remoteAddress) {

    /** Checks that every component is present. */
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(pathParameters, "pathParameters");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The value of the first header named {@code name} (case-insensitive), if any. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The decoded query parameters; parsed on each call, so keep the result if used often. */
    public QueryParameters query() {
        return QueryParameters.parse(rawQuery);
    }

    /** The first decoded value of query parameter {@code name}, if present. */
    public Optional<String> queryParameter(String name) {
        return query().first(name);
    }

    /**
     * The decoded value of path parameter {@code name}.
     *
     * @throws IllegalArgumentException if the route has no such parameter
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name + " in " + pathParameters.keySet());
        }
        return value;
    }

    /** The whole body as bytes (at most {@link HttpLimits#maxBodyBytes()}). */
    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }

    /**
     * The whole body as text in the charset of {@code Content-Type} (UTF-8 when none is given).
     *
     * @throws HttpException 415 when the declared charset is unknown
     */
    public String bodyText() throws IOException {
        return new String(bodyBytes(), charset());
    }

    /** The charset declared by {@code Content-Type}, or UTF-8. */
    public Charset charset() {
        String contentType = headers.first("Content-Type").orElse("");
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + "charset=".length());
        int end = name.indexOf(';');
        name = (end < 0 ? name : name.substring(0, end)).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported charset: " + name);
        }
    }

    /** A copy with the given path parameters. */
    public Request withPathParameters(Map<String, String> parameters) {
        return new Request(method, target, path, rawQuery, version, headers, Map.copyOf(parameters),
                body, remoteAddress);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " from " + remoteAddress;
    }
}
