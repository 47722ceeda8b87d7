package dev.weft.http.filters;

import dev.weft.http.Response;
import java.util.Locale;

/** Adds a field name to a response's {@code Vary}, once, keeping what is there. */
final class VaryHeader {

    private VaryHeader() {
    }

    /** {@code response} whose {@code Vary} lists {@code field}. */
    static Response add(Response response, String field) {
        String vary = response.headers().first("Vary").orElse(null);
        if (vary == null) {
            return response.withHeader("Vary", field);
        }
        String lower = vary.toLowerCase(Locale.ROOT);
        for (String listed : lower.split(",")) {
            String name = listed.trim();
            if (name.equals("*") || name.equals(field.toLowerCase(Locale.ROOT))) {
                return response;
            }
        }
        return new Response(response.status(), response.headers().replacing("Vary", vary + ", " + field),
                response.body());
    }
}
