package dev.weft.samples.cli;

import picocli.CommandLine.TypeConversionException;

/** Reads a whole number from the command line, with a message for the user when it is not one. */
final class WholeNumber {

    private WholeNumber() {
    }

    /** The {@code int} in {@code text}; a {@link TypeConversionException} when there is none. */
    static int parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("not a whole number: " + text);
        }
    }
}
