package dev.weft.http.internal;

import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.Method;
import dev.weft.http.Status;
import java.nio.charset.StandardCharsets;

/**
 * Parses a complete request head — found by a {@link HeadScanner} — from bytes, with no socket
 * involved, strictly after RFC 9112: a single space between the parts of the request line,
 * token characters in the method and field names, no whitespace before a colon, no obsolete
 * line folding, no control characters (a lone CR included) in the target or in values.
 *
 * <p>Every violation is an {@link HttpException} with its exact status (400, 431, 501, 505 and
 * those of {@link FramingFields}); the caller answers it and closes the connection, since
 * framing can no longer be trusted. Strings are created only for the target and the field
 * values, and for field names not in {@link KnownHeaders}.
 */
public final class RequestParser {

    private final HttpLimits limits;

    /**
     * A parser applying {@code limits}.
     *
     * @param limits the request limits
     */
    public RequestParser(HttpLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses the head that {@code scanner} found in {@code bytes} starting at {@code start}.
     *
     * @param bytes   the buffer holding the head
     * @param start   where the head starts in {@code bytes}
     * @param scanner the scanner that found the head's lines
     * @return the parsed head
     * @throws HttpException when the head is malformed or over a limit
     */
    public RequestHead parse(byte[] bytes, int start, HeadScanner scanner) {
        int lineStart = start + scanner.requestLineStart();
        int lineEnd = start + scanner.requestLineEnd();
        int methodEnd = indexOf(bytes, lineStart, lineEnd, (byte) ' ');
        int targetEnd = methodEnd < 0 ? -1 : indexOf(bytes, methodEnd + 1, lineEnd, (byte) ' ');
        if (targetEnd < 0) {
            throw bad("malformed request line");
        }
        String methodName = token(bytes, lineStart, methodEnd, "method");
        String target = target(bytes, methodEnd + 1, targetEnd);
        boolean http11 = version(bytes, targetEnd + 1, lineEnd);
        Method method = method(methodName);
        Headers.Builder headers = Headers.builder();
        FramingFields framing = new FramingFields();
        fields(bytes, start + scanner.fieldsStart(), start + scanner.headLength(), headers, framing);
        FramingFields.Framing decided = framing.resolve(http11, limits.maxBodyBytes());
        return targetForm(method, target, http11, headers.build(), decided);
    }

    private static String token(byte[] bytes, int from, int to, String what) {
        if (from == to) {
            throw bad("empty " + what);
        }
        for (int i = from; i < to; i++) {
            if (!HttpChars.isTokenChar(bytes[i] & 0xFF)) {
                throw bad("invalid character in " + what);
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static String target(byte[] bytes, int from, int to) {
        if (from == to) {
            throw bad("empty request target");
        }
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (!HttpChars.isTargetByte(b) || b == '#') {
                throw bad("invalid character in request target");
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Returns whether the version is HTTP/1.1 (or a later 1.x, served as 1.1). */
    private static boolean version(byte[] bytes, int from, int to) {
        if (to - from != 8 || bytes[from] != 'H' || bytes[from + 1] != 'T' || bytes[from + 2] != 'T'
                || bytes[from + 3] != 'P' || bytes[from + 4] != '/' || bytes[from + 6] != '.'
                || !isDigit(bytes[from + 5]) || !isDigit(bytes[from + 7])) {
            throw bad("malformed HTTP version");
        }
        if (bytes[from + 5] != '1') {
            throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED_505, "only HTTP/1.x is supported");
        }
        return bytes[from + 7] != '0';
    }

    /**
     * The method a request names, for HTTP/1.1 and HTTP/2 alike.
     *
     * @param name the method token
     * @return the method; never {@link Method#UNKNOWN}
     * @throws HttpException {@code 501} for a method this server does not implement
     */
    public static Method method(String name) {
        return switch (name) {
            case "GET" -> Method.GET;
            case "HEAD" -> Method.HEAD;
            case "POST" -> Method.POST;
            case "PUT" -> Method.PUT;
            case "DELETE" -> Method.DELETE;
            case "PATCH" -> Method.PATCH;
            case "OPTIONS" -> Method.OPTIONS;
            case "TRACE" -> Method.TRACE;
            default -> throw new HttpException(Status.NOT_IMPLEMENTED_501, "method not implemented");
        };
    }

    private void fields(byte[] bytes, int from, int headEnd, Headers.Builder headers, FramingFields framing) {
        int lineStart = from;
        while (true) {
            int lf = indexOf(bytes, lineStart, headEnd, (byte) '\n');
            int lineEnd = lf > lineStart && bytes[lf - 1] == '\r' ? lf - 1 : lf;
            if (lineEnd == lineStart) {
                return;
            }
            if (headers.size() == limits.maxHeaderCount()) {
                throw new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                        "more than " + limits.maxHeaderCount() + " header fields");
            }
            field(bytes, lineStart, lineEnd, headers, framing);
            lineStart = lf + 1;
        }
    }

    private static void field(byte[] bytes, int from, int to, Headers.Builder headers, FramingFields framing) {
        if (HttpChars.isWhitespace(bytes[from])) {
            throw bad("obsolete line folding");
        }
        int colon = from;
        while (colon < to && HttpChars.isTokenChar(bytes[colon] & 0xFF)) {
            colon++;
        }
        if (colon == to || bytes[colon] != ':') {
            throw bad(colon < to && HttpChars.isWhitespace(bytes[colon])
                    ? "whitespace between field name and colon" : "malformed header field");
        }
        if (colon == from) {
            throw bad("empty field name");
        }
        int valueStart = colon + 1;
        while (valueStart < to && HttpChars.isWhitespace(bytes[valueStart])) {
            valueStart++;
        }
        int valueEnd = to;
        while (valueEnd > valueStart && HttpChars.isWhitespace(bytes[valueEnd - 1])) {
            valueEnd--;
        }
        for (int i = valueStart; i < valueEnd; i++) {
            if (!HttpChars.isFieldValueByte(bytes[i] & 0xFF)) {
                throw bad("invalid character in header field value");
            }
        }
        int known = KnownHeaders.indexOf(bytes, from, colon - from);
        String name = KnownHeaders.name(known, bytes, from, colon - from);
        String value = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        framing.accept(known, value);
        headers.add(name, value);
    }

    private static RequestHead targetForm(Method method, String target, boolean http11, Headers headers,
                                          FramingFields.Framing framing) {
        String pathAndQuery;
        if (target.charAt(0) == '/') {
            pathAndQuery = target;
        } else if (target.equals("*")) {
            if (method != Method.OPTIONS) {
                throw bad("asterisk-form target is only allowed with OPTIONS");
            }
            pathAndQuery = "*";
        } else {
            pathAndQuery = absoluteFormPath(target);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        return new RequestHead(method, target, path, query, http11, headers, framing.contentLength(),
                framing.chunked(), framing.keepAlive(), framing.expectContinue());
    }

    /** The path and query of an absolute-form target ({@code http://host/p?q}), RFC 9112 §3.2.2. */
    private static String absoluteFormPath(String target) {
        int schemeEnd = target.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : target.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw bad("request target must be origin-form or an http(s) absolute URI");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < target.length() && target.charAt(authorityEnd) != '/'
                && target.charAt(authorityEnd) != '?') {
            if (target.charAt(authorityEnd) == '@') {
                throw bad("user information is not allowed in the request target");
            }
            authorityEnd++;
        }
        if (authorityEnd == authorityStart) {
            throw bad("absolute-form target without authority");
        }
        String rest = target.substring(authorityEnd);
        return rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST_400, message);
    }
}
