package dev.weft.http.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One response read from an upstream, body included.
 *
 * @param code      the status code
 * @param reason    the reason phrase, possibly empty
 * @param headers   the header fields in order, as name and value
 * @param body      the body, de-chunked
 * @param keepAlive whether the connection may carry another exchange
 */
record UpstreamResponse(int code, String reason, List<Map.Entry<String, String>> headers, byte[] body,
                        boolean keepAlive) {

    /** Whether one of the comma-separated values of header {@code name} is {@code token}. */
    static boolean hasToken(List<Map.Entry<String, String>> headers, String name, String token) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                for (String value : header.getValue().split(",")) {
                    if (value.trim().toLowerCase(Locale.ROOT).equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
