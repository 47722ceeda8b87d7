package dev.weft.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} text of every sample: Weft's version, filled in by the build, and the
 * Java runtime the sample runs on.
 */
public final class SampleVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** Creates the provider. */
    public SampleVersion() {
    }

    /** The version of the Weft build these samples belong to, such as {@code 0.1.0}. */
    public static String weftVersion() {
        Properties properties = new Properties();
        try (InputStream in = SampleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + SampleVersion.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Weft samples " + weftVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
