package dev.weft.http.internal;

import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.RequestContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the filters see of a request the server refused before routing: as much of its head as can
 * be read, leniently, from the bytes still buffered — so that the access log shows its request
 * line and a CORS filter finds its {@code Origin}, even for a 431 or a malformed header.
 *
 * <p>The request line counts only if it is complete and looks like one (a token, a space, a target
 * of visible ASCII in origin, asterisk or absolute form); otherwise the target is empty. The method
 * is {@link Method#UNKNOWN} unless it is one the server implements. Header
 * lines are taken while they are complete and well-formed (a token, a colon, a valid value) and
 * skipped otherwise, up to the header count limit. Nothing here is trusted for routing or framing:
 * the request has no body and the connection is closed after its response.
 */
final class RefusedHead {

    private RefusedHead() {
    }

    /**
     * The request to show the filters for the head bytes {@code [from, to)} of {@code bytes}.
     *
     * @param maxHeaders the most header fields to take
     * @param remote     the client's address
     * @return the request
     */
    static Request salvage(byte[] bytes, int from, int to, int maxHeaders, InetSocketAddress remote,
                           RequestContext context) {
        int lineEnd = lineEnd(bytes, from, to);
        Method method = Method.UNKNOWN;
        String target = "";
        boolean http10 = false;
        int next = from;
        if (lineEnd >= 0) {
            String[] parts = latin1(bytes, from, contentEnd(bytes, from, lineEnd)).split(" ", -1);
            if (parts.length >= 2 && token(parts[0]) && target(parts[1])) {
                method = method(parts[0]);
                target = parts[1];
                http10 = parts.length > 2 && parts[2].equals("HTTP/1.0");
            }
            next = lineEnd + 1;
        }
        Headers.Builder headers = Headers.builder();
        while (lineEnd >= 0 && headers.size() < maxHeaders) {
            lineEnd = lineEnd(bytes, next, to);
            if (lineEnd < 0) {
                break;
            }
            String line = latin1(bytes, next, contentEnd(bytes, next, lineEnd));
            next = lineEnd + 1;
            if (line.isEmpty()) {
                break;
            }
            addField(headers, line);
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new Request(method, target, path, query, http10 ? "HTTP/1.0" : "HTTP/1.1", headers.build(), Map.of(),
                NoBody.INSTANCE, remote, context);
    }

    private static void addField(Headers.Builder headers, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        try {
            headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
        } catch (IllegalArgumentException malformed) {
            // Not a field the parser would have taken either; the refused request goes on without it.
        }
    }

    private static Method method(String token) {
        for (Method m : Method.values()) {
            if (m != Method.UNKNOWN && m.name().equals(token)) {
                return m;
            }
        }
        return Method.UNKNOWN;
    }

    private static boolean token(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!HttpChars.isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII in one of the target forms: origin ({@code /…}), asterisk or absolute. */
    private static boolean target(String text) {
        if (!(text.startsWith("/") || text.equals("*") || text.startsWith("http://") || text.startsWith("https://"))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!HttpChars.isTargetByte(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentEnd(byte[] bytes, int from, int lf) {
        return lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
