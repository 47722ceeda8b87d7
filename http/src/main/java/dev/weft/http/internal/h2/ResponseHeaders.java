package dev.weft.http.internal.h2;

import dev.weft.http.Headers;
import dev.weft.http.Response;
import dev.weft.http.internal.HttpDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The header list of a response on HTTP/2: {@code :status}, the application's fields with
 * lower-case names (connection-specific ones, meaningless in HTTP/2 and malformed there, are
 * dropped), {@code content-length} when the size is known, {@code server} and {@code date}.
 */
final class ResponseHeaders {

    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private final String serverName;

    ResponseHeaders(String serverName) {
        this.serverName = serverName;
    }

    /**
     * The fields as alternating names and values.
     *
     * @param contentLength the body size when known
     */
    List<String> of(Response response, OptionalLong contentLength) {
        Headers headers = response.headers();
        List<String> fields = new ArrayList<>(2 * headers.size() + 8);
        fields.add(":status");
        fields.add(Integer.toString(response.status().code()));
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i).toLowerCase(Locale.ROOT);
            if (!CONNECTION_SPECIFIC.contains(name)) {
                fields.add(name);
                fields.add(headers.value(i));
            }
        }
        if (contentLength.isPresent() && !response.status().forbidsBody()) {
            fields.add("content-length");
            fields.add(Long.toString(contentLength.getAsLong()));
        }
        fields.add("server");
        fields.add(serverName);
        fields.add("date");
        fields.add(HttpDate.currentDate());
        return fields;
    }
}
