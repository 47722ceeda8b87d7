package dev.weft.loadtest.report;

import dev.weft.loadtest.sampler.SyscallCounts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Writes rows as CSV (one file per row kind: the columns are the record's components) and as
 * one JSON document, so the raw numbers can be loaded anywhere.
 */
final class RawWriter {

    private RawWriter() {
    }

    /** CSV with a header line, for rows of one record type. */
    static String csv(List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
        StringJoiner header = new StringJoiner(",");
        for (RecordComponent c : components) {
            header.add(c.getName());
        }
        StringBuilder out = new StringBuilder(header.toString()).append('\n');
        for (Record row : rows) {
            StringJoiner line = new StringJoiner(",");
            for (RecordComponent c : components) {
                Object value = value(row, c);
                String text = value == null ? "" : value.toString();
                line.add(value instanceof String && (text.contains(",") || text.contains("\""))
                        ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** A JSON array of objects, one per row, with a {@code kind} field naming the row type. */
    static String json(List<? extends Record> rows) {
        List<String> objects = new ArrayList<>();
        for (Record row : rows) {
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            fields.add("\"kind\": " + string(row.getClass().getSimpleName()));
            for (RecordComponent c : row.getClass().getRecordComponents()) {
                Object value = value(row, c);
                fields.add(string(c.getName()) + ": " + (value == null ? "null"
                        : value instanceof String s ? string(s) : value.toString()));
            }
            objects.add("  " + fields);
        }
        return "[\n" + String.join(",\n", objects) + "\n]\n";
    }

    /**
     * A component's value; empty optionals become null, doubles keep at most 4 decimals, syscall
     * counts become one string ({@code "total=… read=… …"} or {@code "unavailable: …"}).
     */
    private static Object value(Record row, RecordComponent component) {
        Object value;
        try {
            value = component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row, e);
        }
        return switch (value) {
            case OptionalInt o -> o.isPresent() ? o.getAsInt() : null;
            case SyscallCounts counts -> counts.toString();
            case OptionalDouble o -> o.isPresent() ? number(o.getAsDouble()) : null;
            case Double d -> number(d);
            case null, default -> value;
        };
    }

    private static Object number(double value) {
        return Double.isFinite(value) ? new Decimal(value) : null;
    }

    /** A number printed with at most four decimals and no trailing zeros, unquoted in JSON. */
    private record Decimal(double value) {
        @Override
        public String toString() {
            String text = String.format(Locale.ROOT, "%.4f", value);
            return text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
