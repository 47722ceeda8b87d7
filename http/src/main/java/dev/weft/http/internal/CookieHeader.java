package dev.weft.http.internal;

import dev.weft.http.Headers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code Cookie} request header fields (RFC 6265 §5.4, as browsers send them):
 * {@code name=value} pairs separated by semicolons, whitespace around them trimmed, a value in
 * double quotes unquoted. Leniency where browsers differ: a pair without {@code =} or with an
 * empty name is skipped, and the first of two pairs with the same name wins (browsers send the
 * most specific path first).
 */
public final class CookieHeader {

    private CookieHeader() {
    }

    /**
     * The cookies of {@code headers}, by name, in the order sent.
     *
     * @param headers the request's header fields
     * @return the cookies; empty when there is no {@code Cookie} field
     */
    public static Map<String, String> parse(Headers headers) {
        Map<String, String> cookies = null;
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.name(i).equalsIgnoreCase("Cookie")) {
                continue;
            }
            if (cookies == null) {
                cookies = new LinkedHashMap<>();
            }
            String value = headers.value(i);
            int start = 0;
            while (start < value.length()) {
                int end = value.indexOf(';', start);
                if (end < 0) {
                    end = value.length();
                }
                int eq = value.indexOf('=', start);
                if (eq > start && eq < end) {
                    String name = value.substring(start, eq).trim();
                    String cookie = value.substring(eq + 1, end).trim();
                    if (cookie.length() >= 2 && cookie.startsWith("\"") && cookie.endsWith("\"")) {
                        cookie = cookie.substring(1, cookie.length() - 1);
                    }
                    if (!name.isEmpty()) {
                        cookies.putIfAbsent(name, cookie);
                    }
                }
                start = end + 1;
            }
        }
        return cookies == null ? Map.of() : Collections.unmodifiableMap(cookies);
    }
}
