package dev.weft.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text read into a tree and written back in one canonical form — object members sorted by
 * name, no insignificant whitespace, numbers in their shortest exact decimal form — so that two
 * documents with the same content compare equal as strings, and a difference shows as a readable
 * diff. A strict reader of RFC 8259 (one value, nothing after it); for test assertions, not speed.
 */
final class JsonTree {

    private final String text;
    private int at;

    private JsonTree(String text) {
        this.text = text;
    }

    /**
     * The canonical form of {@code json}.
     *
     * @param json JSON text
     * @return the same value, canonically written
     * @throws IllegalArgumentException when {@code json} is not one JSON value, naming the offset
     */
    static String canonical(String json) {
        JsonTree reader = new JsonTree(json);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != json.length()) {
            throw reader.error("more after the JSON value");
        }
        return write(value, new StringBuilder()).toString();
    }

    private Object value() {
        skipWhitespace();
        if (at >= text.length()) {
            throw error("a value expected, the text ended");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Null.NULL);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new TreeMap<>();
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a member name expected");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            if (members.put(name, value()) != null) {
                throw error("member \"" + name + "\" appears twice");
            }
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            items.add(value());
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return items;
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) {
                throw error("the string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            } else if (c < 0x20) {
                throw error("a control character in a string");
            } else if (c != '\\') {
                out.append(c);
            } else {
                char escaped = at < text.length() ? text.charAt(at++) : '?';
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("a \\u escape needs four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("an unknown escape \\" + escaped);
                }
            }
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("a value expected");
        }
        at += word.length();
        return value;
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            at = start;
            throw error("a value expected");
        }
        return new BigDecimal(number);
    }

    private void skipWhitespace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char wanted) {
        if (peek() != wanted) {
            throw error("'" + wanted + "' expected");
        }
        at++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not JSON: " + what + " at offset " + at);
    }

    private static StringBuilder write(Object value, StringBuilder out) {
        switch (value) {
            case Map<?, ?> members -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> member : members.entrySet()) {
                    writeString((String) member.getKey(), out.append(separator)).append(':');
                    write(member.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            }
            case List<?> items -> {
                out.append('[');
                String separator = "";
                for (Object item : items) {
                    write(item, out.append(separator));
                    separator = ",";
                }
                out.append(']');
            }
            case String string -> writeString(string, out);
            case BigDecimal number -> out.append(plain(number));
            default -> out.append(value); // true, false, null
        }
        return out;
    }

    /** {@code 1.50} and {@code 15e-1} as {@code 1.5}; {@code 1E+3} as {@code 1000} unless huge. */
    private static String plain(BigDecimal number) {
        BigDecimal shortest = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        return Math.abs(shortest.scale()) < 30 ? shortest.toPlainString() : shortest.toString();
    }

    private static StringBuilder writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    /** JSON {@code null}, which a {@link TreeMap} cannot hold as a Java null. */
    private enum Null {
        NULL;

        @Override
        public String toString() {
            return "null";
        }
    }
}
