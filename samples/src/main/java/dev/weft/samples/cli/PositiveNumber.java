package dev.weft.samples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number greater than zero: a count, a size, a rate. */
public final class PositiveNumber implements ITypeConverter<Integer> {

    /** Creates the converter. */
    public PositiveNumber() {
    }

    @Override
    public Integer convert(String text) {
        int value = WholeNumber.parse(text);
        if (value <= 0) {
            throw new TypeConversionException("must be > 0, not " + text);
        }
        return value;
    }
}
