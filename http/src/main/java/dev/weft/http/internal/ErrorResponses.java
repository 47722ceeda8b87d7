package dev.weft.http.internal;

import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bodies the server writes for errors, short and without internals: an RFC 9457 problem
 * document ({@code application/problem+json}: {@code type}, {@code title}, {@code status},
 * {@code detail}) when the client's {@code Accept} names JSON at least as highly as plain text,
 * else the detail as {@code text/plain}. Browsers and {@code curl} (which accept {@code *}{@code /*})
 * get text; API clients that ask for {@code application/json} get JSON.
 */
public final class ErrorResponses {

    /** The media type of problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final String INTERNAL_ERROR_DETAIL = "Internal Server Error";
    private static final Response INTERNAL_ERROR_TEXT =
            Response.text(Status.INTERNAL_SERVER_ERROR_500, INTERNAL_ERROR_DETAIL + "\n");
    private static final Response INTERNAL_ERROR_JSON =
            problem(Status.INTERNAL_SERVER_ERROR_500, INTERNAL_ERROR_DETAIL, Headers.EMPTY);

    private ErrorResponses() {
    }

    /**
     * The response for {@code e}: its status and headers, its message as the detail.
     *
     * @param e       the exception
     * @param request the request, whose {@code Accept} chooses the body's format
     * @return the response
     */
    public static Response of(HttpException e, Request request) {
        Status status = e.status();
        if (status.forbidsBody()) {
            return new Response(status, e.headers(), Response.Empty.INSTANCE);
        }
        String detail = e.getMessage() == null ? status.reason() : e.getMessage();
        if (prefersJson(request)) {
            return problem(status, detail, e.headers());
        }
        Headers headers = e.headers().isEmpty() ? Headers.of("Content-Type", Response.TEXT_PLAIN_UTF8)
                : e.headers().toBuilder().add("Content-Type", Response.TEXT_PLAIN_UTF8).build();
        return new Response(status, headers, new Response.Bytes((detail + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The generic 500 of a failed handler; the cause goes to the log only.
     *
     * @param request the request, whose {@code Accept} chooses the body's format
     * @return the response
     */
    public static Response internalError(Request request) {
        return prefersJson(request) ? INTERNAL_ERROR_JSON : INTERNAL_ERROR_TEXT;
    }

    private static Response problem(Status status, String detail, Headers extra) {
        StringBuilder json = new StringBuilder(96).append("{\"type\":\"about:blank\",\"title\":");
        JsonStrings.append(json, status.reason()).append(",\"status\":").append(status.code()).append(",\"detail\":");
        JsonStrings.append(json, detail).append('}');
        Headers headers = extra.isEmpty() ? Headers.of("Content-Type", PROBLEM_JSON)
                : extra.toBuilder().add("Content-Type", PROBLEM_JSON).build();
        return new Response(status, headers, new Response.Bytes(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether the client's {@code Accept} names a JSON type ({@code application/json},
     * {@code application/problem+json} or {@code application/*+json}) with a quality at least that
     * of plain text ({@code text/plain}, {@code text/*}); wildcards {@code *}{@code /*} count for
     * neither.
     *
     * @param request the request
     * @return whether to answer with JSON
     */
    public static boolean prefersJson(Request request) {
        double[] best = new double[2]; // [json, text]
        for (int i = 0; i < request.headers().size(); i++) {
            if (request.headers().name(i).equalsIgnoreCase("Accept")) {
                HeaderElements.forEach(request.headers().value(i), (value, from, to) -> {
                    ParameterizedValue range = ParameterizedValue.parse(value.substring(from, to));
                    double q = quality(range);
                    String type = range.value();
                    if (type.equals("application/json") || type.equals(PROBLEM_JSON)
                            || (type.startsWith("application/") && type.endsWith("+json"))) {
                        best[0] = Math.max(best[0], q);
                    } else if (type.equals("text/plain") || type.equals("text/*")) {
                        best[1] = Math.max(best[1], q);
                    }
                });
            }
        }
        return best[0] > 0 && best[0] >= best[1];
    }

    /**
     * The {@code q} parameter of a media range or coding, 0 to 1; 1 when absent, 0 when malformed.
     *
     * @param element the parsed element
     * @return the quality
     */
    public static double quality(ParameterizedValue element) {
        String q = element.parameter("q").orElse("1");
        try {
            double value = Double.parseDouble(q.toLowerCase(Locale.ROOT));
            return value >= 0 && value <= 1 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
