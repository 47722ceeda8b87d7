package dev.weft.http.internal.websocket;

import dev.weft.http.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated list elements of a header field (RFC 9110 section 5.6.1), gathered from
 * every field of that name, trimmed, empty elements dropped: {@code Connection},
 * {@code Upgrade}, {@code Sec-WebSocket-Protocol}.
 */
final class HeaderTokens {

    private HeaderTokens() {
    }

    /** The list elements of every field named {@code name}, in order. */
    static List<String> of(Headers headers, String name) {
        List<String> tokens = new ArrayList<>(4);
        for (String value : headers.all(name)) {
            for (String element : value.split(",", -1)) {
                String token = element.trim();
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Whether a field named {@code name} lists {@code token}, compared case-insensitively. */
    static boolean contains(Headers headers, String name, String token) {
        for (String element : of(headers, name)) {
            if (element.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
