package dev.weft.http;

import dev.weft.http.internal.HttpChars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered list of header fields. Names compare case-insensitively and keep the
 * spelling they were given; a name may occur several times.
 *
 * <p>Every name must be an RFC 9110 token and every value may hold only visible characters,
 * spaces, tabs and bytes 0x80–0xFF (as ISO-8859-1 chars); in particular no CR or LF, so a
 * header can never split a response.
 */
public final class Headers {

    /** No header fields. */
    public static final Headers EMPTY = new Headers(new String[0], 0);

    private final String[] fields;
    private final int count;

    private Headers(String[] fields, int count) {
        this.fields = fields;
        this.count = count;
    }

    /**
     * Headers from alternating names and values: {@code Headers.of("Cache-Control", "no-cache")}.
     *
     * @param namesAndValues a field name, its value, the next name, its value, and so on
     * @return the headers, in the order given
     * @throws IllegalArgumentException on an odd count, an invalid name or value
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** {@return an empty builder of header fields} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of fields} */
    public int size() {
        return count;
    }

    /** {@return whether there are no fields} */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The name of field {@code index}, as given.
     *
     * @param index the field's position, from 0 to {@code size() - 1}
     * @return the field's name, in the case it was given
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public String name(int index) {
        Objects.checkIndex(index, count);
        return fields[2 * index];
    }

    /**
     * The value of field {@code index}.
     *
     * @param index the field's position, from 0 to {@code size() - 1}
     * @return the field's value
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public String value(int index) {
        Objects.checkIndex(index, count);
        return fields[2 * index + 1];
    }

    /**
     * The value of the first field named {@code name}, if any.
     *
     * @param name the field name, matched ignoring case
     * @return the first such field's value; empty if there is none
     */
    public Optional<String> first(String name) {
        for (int i = 0; i < 2 * count; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return Optional.of(fields[i + 1]);
            }
        }
        return Optional.empty();
    }

    /**
     * The values of every field named {@code name}, in order.
     *
     * @param name the field name, matched ignoring case
     * @return the values; empty if there is no such field
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < 2 * count; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return values;
    }

    /**
     * Whether a field named {@code name} is present.
     *
     * @param name the field name, matched ignoring case
     * @return true if at least one field has that name
     */
    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /**
     * A copy with one more field at the end.
     *
     * @param name  the field name, a token
     * @param value the field value, without control characters such as CR or LF
     * @return the copy
     * @throws IllegalArgumentException if the name or the value is invalid
     */
    public Headers with(String name, String value) {
        return toBuilder().add(name, value).build();
    }

    /**
     * A copy without any field named {@code name}, then with {@code name: value}.
     *
     * @param name  the field name, a token; existing fields are matched ignoring case
     * @param value the field value, without control characters such as CR or LF
     * @return the copy
     * @throws IllegalArgumentException if the name or the value is invalid
     */
    public Headers replacing(String name, String value) {
        Builder builder = builder();
        for (int i = 0; i < 2 * count; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                builder.addValidated(fields[i], fields[i + 1]);
            }
        }
        return builder.add(name, value).build();
    }

    /** {@return a builder holding these fields} */
    public Builder toBuilder() {
        Builder builder = builder();
        for (int i = 0; i < 2 * count; i += 2) {
            builder.addValidated(fields[i], fields[i + 1]);
        }
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && h.count == count
                && Arrays.equals(fields, 0, 2 * count, h.fields, 0, 2 * count);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < 2 * count; i++) {
            hash = 31 * hash + fields[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Headers[");
        for (int i = 0; i < 2 * count; i += 2) {
            s.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(fields[i + 1]);
        }
        return s.append(']').toString();
    }

    /** Collects header fields; not thread-safe. */
    public static final class Builder {
        private String[] fields = new String[8];
        private int count;

        private Builder() {
        }

        /**
         * Appends a field.
         *
         * @param name  the field name, a token
         * @param value the field value
         * @return this builder
         * @throws IllegalArgumentException if the name is not a token or the value holds a
         *     control character such as CR or LF
         */
        public Builder add(String name, String value) {
            HttpChars.requireValidName(name);
            HttpChars.requireValidValue(name, value);
            return addValidated(name, value);
        }

        private Builder addValidated(String name, String value) {
            if (2 * count + 2 > fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[2 * count] = name;
            fields[2 * count + 1] = value;
            count++;
            return this;
        }

        /** {@return the number of fields added so far} */
        public int size() {
            return count;
        }

        /** {@return the headers added so far; the builder may go on being used} */
        public Headers build() {
            return count == 0 ? EMPTY : new Headers(Arrays.copyOf(fields, 2 * count), count);
        }
    }
}
