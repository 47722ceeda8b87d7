package dev.weft.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a request body Jackson refused, for the client: what was expected, what
 * was found, and where — as a JSON path ({@code $.items[2].due}) or a line and column — in words
 * rather than Java class names, and quoting at most {@value #MAX_QUOTED} characters of anything
 * the client sent (a field name, a value, a token), so a huge input is never echoed back.
 */
final class InputProblems {

    /** The most characters of client input quoted in a message. */
    static final int MAX_QUOTED = 40;

    /** A quoted token in Jackson's parser messages: {@code 'abc'}. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    /** Where Jackson says a limit comes from: {@code , from `StreamReadConstraints.getMaxNestingDepth()`}. */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(",? from `[^`]*`");

    private InputProblems() {
    }

    /**
     * The client's message for {@code refusal}.
     *
     * @param refusal what Jackson threw while reading
     * @param wanted  the type the body was read as
     * @param found   the token the parser stopped at, or null
     * @return the message
     */
    static String describe(JsonProcessingException refusal, JavaType wanted, JsonToken found) {
        return switch (refusal) {
            case StreamConstraintsException e -> overLimit(e);
            case JsonEOFException e -> "the JSON ends too early" + at(e.getLocation());
            case UnrecognizedPropertyException e -> "unknown property " + path(e);
            case InvalidNullException e -> "at " + path(e) + ": null is not allowed";
            case InvalidFormatException e -> "at " + path(e) + ": " + quote(String.valueOf(e.getValue()))
                    + " is not " + expected(e.getTargetType());
            case MismatchedInputException e -> mismatch(e, wanted, found);
            case ValueInstantiationException e -> "at " + path(e) + ": "
                    + (e.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                    ? clip(invalid.getMessage()) : "not a valid " + expected(e.getType()));
            case JsonMappingException e -> "at " + path(e) + ": " + (e.getCause() instanceof StreamConstraintsException limit
                    ? overLimit(limit) : "the JSON does not fit " + expected(wanted));
            default -> shortenQuotes(String.valueOf(refusal.getOriginalMessage())) + at(refusal.getLocation());
        };
    }

    /**
     * The client's message for JSON followed by more.
     *
     * @param where where the second value starts
     * @return the message
     */
    static String trailing(JsonLocation where) {
        return "more after the JSON value" + at(where);
    }

    /** One of Jackson's limits on input, without where in Jackson it is set. */
    private static String overLimit(StreamConstraintsException e) {
        return LIMIT_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    }

    /** A value of the wrong JSON type, or no value at all. */
    private static String mismatch(MismatchedInputException e, JavaType wanted, JsonToken found) {
        if (found == null && e.getPath().isEmpty()) {
            return "the body is empty; expected " + expected(wanted);
        }
        Class<?> target = e.getTargetType() != null ? e.getTargetType() : wanted.getRawClass();
        String foundText = found == null ? "" : switch (found) {
            case START_OBJECT -> ", found an object";
            case START_ARRAY -> ", found an array";
            case VALUE_STRING -> ", found a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", found a number";
            case VALUE_TRUE, VALUE_FALSE -> ", found true or false";
            case VALUE_NULL -> ", found null";
            default -> "";
        };
        return "at " + path(e) + ": expected " + expected(target) + foundText;
    }

    /** The JSON path of the value that failed: {@code $}, {@code $.title}, {@code $.items[2]}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                String name = step.getFieldName();
                if (name.matches("[A-Za-z_][A-Za-z0-9_]{0," + (MAX_QUOTED - 1) + "}")) {
                    path.append('.').append(name);
                } else {
                    path.append('[').append(quote(name)).append(']');
                }
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of {@code type} looks like in JSON, in words. */
    static String expected(JavaType type) {
        return type == null ? "a value" : type.isContainerType() && !type.isMapLikeType() ? "an array"
                : expected(type.getRawClass());
    }

    /** What a value of {@code type} looks like in JSON, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value";
        } else if (type == String.class || type == char.class || type == Character.class
                || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        } else if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        } else if (type.isEnum()) {
            return "one of " + clip(Arrays.toString(type.getEnumConstants()));
        } else if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        } else if (TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)) {
            return "a " + type.getSimpleName() + " in ISO-8601 form";
        } else if (type == UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    /** {@code " at line L, column C"}, or nothing when the location is unknown. */
    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's parser message with every quoted token clipped. */
    private static String shortenQuotes(String message) {
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(out, Matcher.quoteReplacement(quote(quoted.group(1))));
        }
        return quoted.appendTail(out).toString();
    }

    /** {@code text} in single quotes, clipped. */
    private static String quote(String text) {
        return "'" + clip(text) + "'";
    }

    /** {@code text}, or its first {@value #MAX_QUOTED} characters and an ellipsis. */
    static String clip(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "…";
    }
}
