package dev.weft.http.examples;

import dev.weft.http.json.JsonCodec;
import dev.weft.http.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON codec for tests and examples, standing in for {@code weft-jackson}: records, maps,
 * collections, strings, numbers, booleans, enums and null out; records (by component name), lists,
 * maps, strings, numbers and booleans in. Not for production: no streaming, few error details.
 */
public final class TinyJsonCodec implements JsonCodec {

    /** Creates the codec. */
    public TinyJsonCodec() {
    }

    @Override
    public byte[] encode(Object value) {
        return write(new StringBuilder(), value).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object decode(InputStream json, Type type) throws IOException {
        String text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        Parser parser = new Parser(text);
        try {
            Object tree = parser.value();
            parser.end();
            return bind(tree, type, "$");
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new JsonException("malformed escape in a string");
        }
    }

    private static StringBuilder write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Enum<?> e -> string(out, e.name());
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    string(out, String.valueOf(entry.getKey())).append(':');
                    write(out, entry.getValue());
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    out.append(first ? "" : ",");
                    first = false;
                    write(out, item);
                }
                out.append(']');
            }
            case Record record -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        var accessor = component.getAccessor();
                        accessor.setAccessible(true);
                        fields.put(component.getName(), accessor.invoke(record));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalArgumentException("cannot read " + component, e);
                    }
                }
                write(out, fields);
            }
            default -> throw new IllegalArgumentException("cannot encode " + value.getClass().getName());
        }
        return out;
    }

    private static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static Object bind(Object tree, Type type, String where) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (tree == null) {
            return null;
        }
        if (raw == Object.class) {
            return tree;
        }
        if (raw.isRecord()) {
            if (!(tree instanceof Map<?, ?> map)) {
                throw new JsonException(where + " must be an object");
            }
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = bind(map.get(components[i].getName()), components[i].getGenericType(),
                        where + "." + components[i].getName());
                if (values[i] == null && types[i].isPrimitive()) {
                    throw new JsonException(where + "." + components[i].getName() + " is missing");
                }
            }
            try {
                var constructor = raw.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new JsonException(where + ": " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot make a " + raw.getName(), e);
            }
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!(tree instanceof List<?> list)) {
                throw new JsonException(where + " must be an array");
            }
            Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(bind(list.get(i), item, where + "[" + i + "]"));
            }
            return out;
        }
        if (raw == String.class && tree instanceof String) {
            return tree;
        }
        if ((raw == Boolean.class || raw == boolean.class) && tree instanceof Boolean) {
            return tree;
        }
        if (tree instanceof BigDecimal n) {
            try {
                if (raw == Integer.class || raw == int.class) {
                    return n.intValueExact();
                }
                if (raw == Long.class || raw == long.class) {
                    return n.longValueExact();
                }
            } catch (ArithmeticException e) {
                throw new JsonException(where + " must be a whole number");
            }
            if (raw == Double.class || raw == double.class) {
                return n.doubleValue();
            }
        }
        if (raw == Map.class && tree instanceof Map) {
            return tree;
        }
        throw new JsonException(where + " must be a " + raw.getSimpleName());
    }

    /** A recursive-descent parser into maps, lists, strings, BigDecimals, booleans and null. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            if (at >= text.length()) {
                throw new JsonException("unexpected end of input");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        void end() {
            skip();
            if (at != text.length()) {
                throw new JsonException("unexpected text after the value at " + at);
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skip();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                skip();
                if (peek() != '"') {
                    throw new JsonException("expected a name at " + at);
                }
                String name = string();
                skip();
                expect(':');
                map.put(name, value());
                skip();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skip();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skip();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                char c = peek();
                at++;
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = peek();
                    at++;
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, Math.min(at + 4, text.length())), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new JsonException("unexpected character at " + at);
            }
            at += word.length();
            return value;
        }

        private BigDecimal number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw new JsonException("unexpected character at " + start);
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new JsonException("unexpected end of input");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new JsonException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
