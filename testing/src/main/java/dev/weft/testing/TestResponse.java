package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole answer to a {@link TestRequest}: status, header fields and body, with assertions that
 * return this response, so that they chain. A failed assertion names the request and shows the
 * beginning of the body, which usually says what went wrong.
 *
 * <pre>{@code
 * client.get("/todos?done=true")
 *         .assertStatus(200)
 *         .assertHeader("Content-Type", "application/json")
 *         .assertJson("[{\"id\":1,\"title\":\"milk\",\"done\":true}]");
 * }</pre>
 */
public final class TestResponse {

    /** The most body characters a failure message shows. */
    private static final int SHOWN_BODY_CHARS = 500;

    private final String request;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    TestResponse(String request, int status, Map<String, List<String>> headers, byte[] body) {
        this.request = request;
        this.status = status;
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        this.headers = byName;
        this.body = body;
    }

    /**
     * The status code.
     *
     * @return the code, such as 200
     */
    public int status() {
        return status;
    }

    /**
     * The first value of a header field.
     *
     * @param name the field name, in any case
     * @return the value, if the field is present
     */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /**
     * Every value of a header field, in order.
     *
     * @param name the field name, in any case
     * @return the values; empty when the field is absent
     */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /**
     * The body as text, in the charset of {@code Content-Type} (UTF-8 when it names none).
     *
     * @return the body
     */
    public String body() {
        return new String(body, charset());
    }

    /**
     * The body as bytes.
     *
     * @return a copy of the body
     */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /**
     * Asserts the status.
     *
     * @param expected the expected code
     * @return this response
     */
    public TestResponse assertStatus(int expected) {
        assertEquals(expected, status, () -> "status of " + this);
        return this;
    }

    /**
     * Asserts the whole body, as text.
     *
     * @param expected the expected body
     * @return this response
     */
    public TestResponse assertBody(String expected) {
        assertEquals(expected, body(), () -> "body of " + request);
        return this;
    }

    /**
     * Asserts the body contains {@code part}.
     *
     * @param part text the body must contain
     * @return this response
     */
    public TestResponse assertBodyContains(String part) {
        assertTrue(body().contains(part), () -> "body of " + this + " does not contain \"" + part + "\"");
        return this;
    }

    /**
     * Asserts the first value of a header field. For {@code Content-Type} the parameters are
     * ignored unless {@code expected} has some: {@code application/json} matches
     * {@code application/json; charset=utf-8}.
     *
     * @param name     the field name, in any case
     * @param expected the expected value
     * @return this response
     */
    public TestResponse assertHeader(String name, String expected) {
        Optional<String> actual = header(name);
        if (actual.isEmpty()) {
            fail("no " + name + " field in " + this + "; fields: " + headers.keySet());
        }
        String value = actual.get();
        if (name.equalsIgnoreCase("Content-Type") && !expected.contains(";")) {
            value = value.split(";", 2)[0].trim();
        }
        assertEquals(expected, value, () -> name + " of " + request);
        return this;
    }

    /**
     * Asserts a header field is absent.
     *
     * @param name the field name, in any case
     * @return this response
     */
    public TestResponse assertNoHeader(String name) {
        assertEquals(List.of(), headers(name), () -> name + " of " + request);
        return this;
    }

    /**
     * Asserts the body is the JSON value {@code expected}, compared by content: object members in
     * any order, any insignificant whitespace, {@code 1.0} equal to {@code 1}. A difference is
     * shown between the two documents in one canonical form (members sorted by name).
     *
     * @param expected the expected JSON text
     * @return this response
     */
    public TestResponse assertJson(String expected) {
        String wanted = JsonTree.canonical(expected);
        String actual;
        try {
            actual = JsonTree.canonical(body());
        } catch (IllegalArgumentException e) {
            return fail("body of " + this + " is " + e.getMessage());
        }
        assertEquals(wanted, actual, () -> "JSON body of " + request);
        return this;
    }

    private Charset charset() {
        for (String parameter : header("Content-Type").orElse("").split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // an unknown charset: show the bytes as UTF-8
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The request, the status and the beginning of the body. */
    @Override
    public String toString() {
        String text = body();
        String shown = text.length() <= SHOWN_BODY_CHARS ? text : text.substring(0, SHOWN_BODY_CHARS) + "…";
        return request + " → " + status + (shown.isEmpty() ? "" : ": " + shown);
    }
}
