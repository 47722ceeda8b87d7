package dev.weft.http;

import dev.weft.http.internal.PercentDecoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded parameters of a query string ({@code a=1&b=x+y&a=2}): {@code +} is a space,
 * {@code %XX} escapes are UTF-8, a name without {@code =} has the empty value, and a name may
 * occur several times. A malformed escape is kept literally rather than failing the request.
 */
public final class QueryParameters {

    /** No parameters. */
    public static final QueryParameters EMPTY = new QueryParameters(Map.of());

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a raw query string, without the leading {@code ?}.
     *
     * @param rawQuery the query as sent, still percent-encoded
     * @return the decoded parameters, in order of first appearance
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(rawQuery.substring(start, hasValue ? eq : end));
                String value = hasValue ? decode(rawQuery.substring(eq + 1, end)) : "";
                values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new QueryParameters(Collections.unmodifiableMap(values));
    }

    private static String decode(String component) {
        try {
            return PercentDecoding.decode(component, true);
        } catch (IllegalArgumentException malformed) {
            // Documented leniency: a stray '%' in a query is kept as sent.
            return component;
        }
    }

    /**
     * The first value of {@code name}, if present.
     *
     * @param name the decoded parameter name, matched exactly
     * @return its first decoded value; empty when absent
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * Every value of {@code name}, in order; empty when absent.
     *
     * @param name the decoded parameter name, matched exactly
     * @return its decoded values, in the order sent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** {@return all parameters, in order of first appearance, each with its values in order} */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
