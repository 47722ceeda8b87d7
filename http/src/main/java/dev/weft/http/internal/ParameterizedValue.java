package dev.weft.http.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A header value of the shape {@code value *( ";" name "=" ( token / quoted-string ) )} — what
 * {@code Content-Type} and {@code Content-Disposition} hold (RFC 9110 §5.6.6, RFC 6266): the
 * leading value in lower case, and the parameters with lower-case names and their values, quotes
 * and backslash escapes removed. A parameter without {@code =} is ignored; the first occurrence
 * of a name wins.
 *
 * @param value      the leading value, lower case, trimmed ({@code multipart/form-data})
 * @param parameters the parameters by lower-case name, in order
 */
public record ParameterizedValue(String value, Map<String, String> parameters) {

    /**
     * Parses {@code header}.
     *
     * @param header the field value
     * @return the parsed value; never fails (a malformed parameter is dropped)
     */
    public static ParameterizedValue parse(String header) {
        return parse(header, true);
    }

    /**
     * Parses a {@code Content-Disposition} of a {@code multipart/form-data} part as browsers write
     * it (the HTML standard): a backslash is an ordinary character (Windows paths) and quotes, CR and
     * LF inside values come percent-encoded ({@code %22}, {@code %0D}, {@code %0A}).
     *
     * @param header the field value
     * @return the parsed value
     */
    public static ParameterizedValue parseFormDisposition(String header) {
        ParameterizedValue parsed = parse(header, false);
        Map<String, String> decoded = new LinkedHashMap<>();
        parsed.parameters.forEach((name, value) -> decoded.put(name,
                value.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n")));
        return new ParameterizedValue(parsed.value, Map.copyOf(decoded));
    }

    private static ParameterizedValue parse(String header, boolean escapes) {
        int semicolon = indexOfUnquoted(header, ';', 0, escapes);
        String value = (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = semicolon;
        while (start >= 0) {
            int end = indexOfUnquoted(header, ';', start + 1, escapes);
            String parameter = header.substring(start + 1, end < 0 ? header.length() : end).trim();
            int eq = parameter.indexOf('=');
            if (eq > 0) {
                String name = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                parameters.putIfAbsent(name, unquote(parameter.substring(eq + 1).trim(), escapes));
            }
            start = end;
        }
        return new ParameterizedValue(value, Map.copyOf(parameters));
    }

    /**
     * The parameter {@code name} (lower case).
     *
     * @param name the parameter's name, lower case
     * @return its value, if present
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    private static int indexOfUnquoted(String s, char wanted, int from, boolean escapes) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && escapes && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String text, boolean escapes) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (escapes && c == '\\' && i + 1 < text.length() - 1) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
