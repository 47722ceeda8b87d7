package dev.weft.http;

import dev.weft.core.AttributeKey;
import dev.weft.core.tls.TlsInfo;
import dev.weft.http.internal.CookieHeader;
import dev.weft.http.internal.FormReader;
import dev.weft.http.internal.JsonBodies;
import dev.weft.http.internal.JsonCodecs;
import dev.weft.http.internal.ParameterValues;
import dev.weft.http.json.JsonCodec;
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
 * if the handler lets it propagate; the connection is closed after the response either way. The
 * body can be read once, whichever way: as a stream, {@link #bodyBytes()}, {@link #bodyText()},
 * {@link #body(Class)} (JSON) or {@link #form()}.
 *
 * <p>Typed access answers bad input with a {@code 400} that names what was wrong, so a handler
 * can take values as given: {@code request.pathParameter("id", Long.class)},
 * {@code request.queryParameter("done", Boolean.class)}, {@code request.body(Todo.class)}.
 *
 * @param method         the method
 * @param target         the request target exactly as sent (for example {@code /a%20b?x=1})
 * @param path           the path of the target, still percent-encoded ({@code /a%20b}); for an
 *                       absolute-form target, the path of the URI
 * @param rawQuery       the query after {@code ?}, still encoded; empty when there is none
 * @param version        {@code "HTTP/1.1"}, {@code "HTTP/1.0"} or {@code "HTTP/2"}
 * @param headers        the header fields, names case-insensitive, values trimmed
 * @param pathParameters the decoded values of the route's {@code {name}} segments, and of its
 *                       trailing {@code *} under the name {@code "*"}
 * @param body           the body; empty when the request has none
 * @param remoteAddress  the client's address
 * @param context        what the exchange shares among the copies of this request: attributes,
 *                       the matched route, a refusal, work to do once the response is sent
 */
public record Request(Method method, String target, String path, String rawQuery, String version,
                      Headers headers, Map<String, String> pathParameters, InputStream body,
                      InetSocketAddress remoteAddress, RequestContext context) {

    /** Where a form read once is kept for later calls. */
    private static final AttributeKey<Form> FORM = AttributeKey.of("form", Form.class);

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
        Objects.requireNonNull(context, "context");
    }

    /**
     * A request with a fresh {@link RequestContext}, as a test of a handler builds one.
     *
     * @param method         the method
     * @param target         the request target as sent
     * @param path           the path of the target, still percent-encoded
     * @param rawQuery       the query, still encoded; empty when there is none
     * @param version        {@code "HTTP/1.1"}, {@code "HTTP/1.0"} or {@code "HTTP/2"}
     * @param headers        the header fields
     * @param pathParameters the decoded path parameters
     * @param body           the body
     * @param remoteAddress  the client's address
     */
    public Request(Method method, String target, String path, String rawQuery, String version, Headers headers,
                   Map<String, String> pathParameters, InputStream body, InetSocketAddress remoteAddress) {
        this(method, target, path, rawQuery, version, headers, pathParameters, body, remoteAddress,
                new RequestContext());
    }

    /**
     * What the TLS handshake of the connection this request arrived on agreed — protocol, cipher
     * suite, ALPN protocol, SNI host name, and the client's certificate chain under mutual TLS —
     * so a handler can tell HTTPS from HTTP and who the client is.
     *
     * @return the TLS details; empty when the request did not arrive over TLS
     */
    public Optional<TlsInfo> tls() {
        return context.tls();
    }

    /**
     * The value of the first header named {@code name} (case-insensitive), if any.
     *
     * @param name the header name
     * @return the first such header's value; empty if the request has none
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** {@return the decoded query parameters; parsed on each call, so keep the result if used often} */
    public QueryParameters query() {
        return QueryParameters.parse(rawQuery);
    }

    /**
     * The first decoded value of query parameter {@code name}, if present.
     *
     * @param name the decoded parameter name
     * @return its first decoded value; empty when absent
     */
    public Optional<String> queryParameter(String name) {
        return query().first(name);
    }

    /**
     * The decoded value of path parameter {@code name}.
     *
     * @param name the name in the route's template
     * @return the value
     * @throws IllegalArgumentException if the route has no such parameter
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name + " in " + pathParameters.keySet());
        }
        return value;
    }

    /**
     * The value of path parameter {@code name} as a {@code type}: {@code String}, {@code Integer},
     * {@code Long}, {@code Short}, {@code Double}, {@code Boolean}, {@code UUID}, {@code BigDecimal},
     * {@code LocalDate}, an enum (by constant name, any case) or a primitive of those.
     *
     * @param name the name in the route's template
     * @param type the type wanted
     * @param <T>  the type wanted
     * @return the value
     * @throws HttpException 400 naming the parameter when the value does not fit the type
     * @throws IllegalArgumentException if the route has no such parameter, or for another type
     */
    public <T> T pathParameter(String name, Class<T> type) {
        return ParameterValues.convert(pathParameter(name), type, "path parameter '" + name + "'");
    }

    /**
     * The first value of query parameter {@code name} as a {@code type} (the types of
     * {@link #pathParameter(String, Class)}).
     *
     * @param name the parameter's name
     * @param type the type wanted
     * @param <T>  the type wanted
     * @return the value, if the parameter is present
     * @throws HttpException 400 naming the parameter when the value does not fit the type
     */
    public <T> Optional<T> queryParameter(String name, Class<T> type) {
        Optional<String> text = queryParameter(name);
        return text.map(value -> ParameterValues.convert(value, type, "query parameter '" + name + "'"));
    }

    /**
     * The cookies the client sent, by name; parsed on each call.
     *
     * @return the cookies; empty when there are none
     */
    public Map<String, String> cookies() {
        return CookieHeader.parse(headers);
    }

    /**
     * The value of cookie {@code name}.
     *
     * @param name the cookie's name
     * @return its value, if the client sent it
     */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /**
     * The form in the body, read once (later calls return the same form), with the limits of the
     * pipeline serving the request ({@link FormLimits#DEFAULTS} unless configured). Files above
     * the memory threshold are streamed to temporary files, deleted once the response is sent.
     *
     * @return the form
     * @throws HttpException 415 when the body is not a form, 400 when it is malformed, 413 over a
     *     limit
     * @throws IOException when reading the body fails
     */
    public Form form() throws IOException {
        HttpPipeline pipeline = context.pipeline();
        return form(pipeline == null ? FormLimits.DEFAULTS : pipeline.formLimits());
    }

    /**
     * The form in the body, read once, with {@code limits} (for a route that takes larger
     * uploads than the others).
     *
     * @param limits the limits to apply
     * @return the form
     * @throws HttpException 415 when the body is not a form, 400 when it is malformed, 413 over a
     *     limit
     * @throws IOException when reading the body fails
     */
    public Form form(FormLimits limits) throws IOException {
        Optional<Form> read = context.attribute(FORM);
        if (read.isPresent()) {
            return read.get();
        }
        Form form = FormReader.read(headers.first("Content-Type").orElse(null), body, limits);
        context.attribute(FORM, form);
        if (!form.files().isEmpty()) {
            context.whenSent((response, bytes, complete) -> form.deleteTemporaryFiles());
        }
        return form;
    }

    /**
     * The JSON body as a {@code type}, decoded by the pipeline's {@link JsonCodec} (or the one
     * installed, such as {@code weft-jackson}'s).
     *
     * @param type the type wanted
     * @param <T>  the type wanted
     * @return the value
     * @throws HttpException 415 unless {@code Content-Type} is {@code application/json} (or
     *     {@code application/*+json}), 400 when the body is not JSON of that type
     * @throws IllegalStateException when there is no JSON codec (a 500, with the module to add in
     *     the log)
     * @throws IOException when reading the body fails
     */
    public <T> T body(Class<T> type) throws IOException {
        HttpPipeline pipeline = context.pipeline();
        return JsonBodies.read(headers.first("Content-Type").orElse(null), body, type,
                JsonCodecs.orInstalled(pipeline == null ? null : pipeline.jsonCodec()));
    }

    /**
     * The whole body as bytes (at most {@link HttpLimits#maxBodyBytes()}).
     *
     * @return the body's bytes; empty when the request has no body
     * @throws HttpException 400 for a malformed chunked body, 413 for a body over the limit
     * @throws IOException when reading the body from the connection fails
     */
    public byte[] bodyBytes() throws IOException {
        return body.readAllBytes();
    }

    /**
     * The whole body as text in the charset of {@code Content-Type} (UTF-8 when none is given).
     *
     * @return the body, decoded
     * @throws HttpException 415 when the declared charset is unknown
     * @throws IOException when reading the body from the connection fails
     */
    public String bodyText() throws IOException {
        return new String(bodyBytes(), charset());
    }

    /** {@return the charset declared by {@code Content-Type}, or UTF-8} */
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

    /**
     * A copy with the given path parameters, sharing this request's context.
     *
     * @param parameters the path parameters
     * @return the copy
     */
    public Request withPathParameters(Map<String, String> parameters) {
        return new Request(method, target, path, rawQuery, version, headers, Map.copyOf(parameters),
                body, remoteAddress, context);
    }

    /**
     * A copy with other header fields, sharing this request's context.
     *
     * @param newHeaders the header fields
     * @return the copy
     */
    public Request withHeaders(Headers newHeaders) {
        return new Request(method, target, path, rawQuery, version, newHeaders, pathParameters, body, remoteAddress,
                context);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version + " from " + remoteAddress;
    }
}
