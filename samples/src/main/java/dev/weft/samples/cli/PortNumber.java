package dev.weft.samples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A TCP or UDP port to listen on, {@code 0..65535}; 0 picks an ephemeral port. */
public final class PortNumber implements ITypeConverter<Integer> {

    /** Creates the converter. */
    public PortNumber() {
    }

    @Override
    public Integer convert(String text) {
        int port = WholeNumber.parse(text);
        if (port < 0 || port > 65_535) {
            throw new TypeConversionException("a port is 0..65535, not " + text);
        }
        return port;
    }
}
