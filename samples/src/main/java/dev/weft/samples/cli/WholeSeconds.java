package dev.weft.samples.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration given in whole seconds, greater than zero: {@code --idle-timeout 300}. */
public final class WholeSeconds implements ITypeConverter<Duration> {

    /** Creates the converter. */
    public WholeSeconds() {
    }

    @Override
    public Duration convert(String text) {
        int seconds = WholeNumber.parse(text);
        if (seconds <= 0) {
            throw new TypeConversionException("must be > 0 seconds, not " + text);
        }
        return Duration.ofSeconds(seconds);
    }
}
