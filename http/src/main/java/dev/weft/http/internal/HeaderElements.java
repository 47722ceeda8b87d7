package dev.weft.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The elements of a comma-separated header field value (RFC 9110 §5.6.1, the {@code #rule}):
 * split at commas, optional whitespace around each element trimmed, empty elements ignored (as a
 * recipient must). The one parser of such lists, for {@code Connection}, {@code Transfer-Encoding},
 * {@code If-None-Match} and the like.
 */
public final class HeaderElements {

    /** Receives one element as the range {@code [from, to)} of the field value. */
    @FunctionalInterface
    public interface Consumer {
        /**
         * One non-empty, trimmed element: {@code value.substring(from, to)}.
         *
         * @param value the whole header value
         * @param from  the index of the element's first character
         * @param to    the index after the element's last character
         */
        void element(String value, int from, int to);
    }

    private HeaderElements() {
    }

    /**
     * Calls {@code consumer} for each non-empty element of {@code value}, without allocating.
     *
     * @param value    a comma-separated header value
     * @param consumer called once per element, in order
     */
    public static void forEach(String value, Consumer consumer) {
        int start = 0;
        int length = value.length();
        while (start <= length) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int from = HttpChars.trimStart(value, start, end);
            int to = HttpChars.trimEnd(value, from, end);
            if (from < to) {
                consumer.element(value, from, to);
            }
            start = end + 1;
        }
    }

    /**
     * The non-empty elements of {@code value}, trimmed.
     *
     * @param value a comma-separated header value
     * @return the elements, in order
     */
    public static List<String> of(String value) {
        List<String> elements = new ArrayList<>(2);
        forEach(value, (v, from, to) -> elements.add(v.substring(from, to)));
        return elements;
    }

    /**
     * The non-empty elements of {@code value}, trimmed and in lower case (for case-insensitive tokens).
     *
     * @param value a comma-separated header value
     * @return the elements in lower case, in order
     */
    public static List<String> lowerCaseTokens(String value) {
        List<String> elements = new ArrayList<>(2);
        forEach(value, (v, from, to) -> elements.add(v.substring(from, to).toLowerCase(Locale.ROOT)));
        return elements;
    }
}
