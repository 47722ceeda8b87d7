package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the text of a path or query parameter to the type a handler asks for, answering input
 * that does not fit with a {@code 400} that names the parameter, what was expected and (cut to a
 * short length) what came: {@code "query parameter 'done' must be true or false, not 'maybe'"}.
 *
 * <p>Types: {@code String}, {@code Integer}, {@code Long}, {@code Short}, {@code Double},
 * {@code Boolean} ({@code true} or {@code false}, any case), {@code UUID}, {@code BigDecimal},
 * {@code LocalDate} (ISO {@code 2024-05-31}), any enum (by constant name, any case), and the
 * primitive forms of the numbers and booleans. Another type is a programming error
 * ({@link IllegalArgumentException}, a 500).
 */
public final class ParameterValues {

    /** The longest part of a bad value repeated in the message. */
    private static final int MAX_ECHOED_CHARS = 40;

    /** A conversion, and what it expects in words. */
    private record Conversion(Function<String, Object> parse, String expected) {
    }

    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.ofEntries(
            Map.entry(String.class, new Conversion(text -> text, "text")),
            Map.entry(Integer.class, new Conversion(Integer::valueOf, "a whole number (int)")),
            Map.entry(Long.class, new Conversion(Long::valueOf, "a whole number (long)")),
            Map.entry(Short.class, new Conversion(Short::valueOf, "a whole number (short)")),
            Map.entry(Double.class, new Conversion(ParameterValues::finiteDouble, "a number")),
            Map.entry(Boolean.class, new Conversion(ParameterValues::bool, "true or false")),
            Map.entry(UUID.class, new Conversion(ParameterValues::uuid, "a UUID")),
            Map.entry(BigDecimal.class, new Conversion(BigDecimal::new, "a decimal number")),
            Map.entry(LocalDate.class, new Conversion(LocalDate::parse, "a date (yyyy-mm-dd)")));

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, double.class, Double.class, boolean.class, Boolean.class);

    private ParameterValues() {
    }

    /**
     * {@code text} as a {@code type}.
     *
     * @param text  the decoded parameter text
     * @param type  the type wanted
     * @param what  names the parameter in the message, e.g. {@code "path parameter 'id'"}
     * @param <T>   the type wanted
     * @return the value
     * @throws HttpException 400 when the text does not fit the type
     * @throws IllegalArgumentException when the type is not one listed in the class comment
     */
    @SuppressWarnings("unchecked") // boxed types of primitives hold the same values
    public static <T> T convert(String text, Class<T> type, String what) {
        Class<?> boxed = BOXES.getOrDefault(type, type);
        if (boxed.isEnum()) {
            return (T) constant(text, boxed, what);
        }
        Conversion conversion = CONVERSIONS.get(boxed);
        if (conversion == null) {
            throw new IllegalArgumentException("no conversion of a parameter to " + type.getName());
        }
        try {
            return (T) conversion.parse().apply(text);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw bad(what, conversion.expected(), text);
        }
    }

    private static Object constant(String text, Class<?> type, String what) {
        Object[] constants = type.getEnumConstants();
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < constants.length && i < 10; i++) {
            names.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT));
        }
        throw bad(what, "one of " + names + (constants.length > 10 ? ", ..." : ""), text);
    }

    private static Double finiteDouble(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static UUID uuid(String text) {
        if (text.length() != 36) { // UUID.fromString accepts short forms like "1-2-3-4-5"
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(text);
    }

    private static HttpException bad(String what, String expected, String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_ECHOED_CHARS) + 3);
        for (int i = 0; i < text.length() && i < MAX_ECHOED_CHARS; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_ECHOED_CHARS) {
            shown.append("...");
        }
        return new HttpException(Status.BAD_REQUEST_400, what + " must be " + expected + ", not '" + shown + "'");
    }
}
