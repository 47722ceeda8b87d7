package dev.weft.loadtest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A constant known by a lower-case label on the command line and in the report. */
public interface Labelled {

    /** The label. */
    String label();

    /**
     * The constant of {@code type} with the given label, ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the known labels
     */
    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + label + "'; known: "
                + labels(type));
    }

    /** Every label of {@code type}, in declaration order. */
    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }
}
