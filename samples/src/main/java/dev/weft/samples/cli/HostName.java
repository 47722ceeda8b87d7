package dev.weft.samples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A host name or address, not empty; resolved later, by what uses it. */
public final class HostName implements ITypeConverter<String> {

    /** Creates the converter. */
    public HostName() {
    }

    @Override
    public String convert(String text) {
        if (text.isBlank()) {
            throw new TypeConversionException("the host must not be empty");
        }
        return text;
    }
}
