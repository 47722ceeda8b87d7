package dev.weft.samples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A path that names a directory that exists now. */
public final class ExistingDirectory implements ITypeConverter<Path> {

    /** Creates the converter. */
    public ExistingDirectory() {
    }

    @Override
    public Path convert(String text) {
        Path directory = Path.of(text);
        if (!Files.isDirectory(directory)) {
            throw new TypeConversionException("not a directory: " + text);
        }
        return directory;
    }
}
