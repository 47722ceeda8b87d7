package dev.weft.udp;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the live threads of this JVM, virtual ones included — which
 * {@code Thread.getAllStackTraces()} leaves out — from a JSON thread dump.
 */
final class LiveThreads {

    private static final Pattern NAME = Pattern.compile("\"name\": \"([^\"]*)\"");

    private LiveThreads() {
    }

    static List<String> named(String prefix) {
        try {
            Path dir = Files.createTempDirectory("weft-udp-threads");
            Path dump = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                Matcher names = NAME.matcher(Files.readString(dump));
                return names.results().map(m -> m.group(1)).filter(n -> n.startsWith(prefix)).toList();
            } finally {
                Files.deleteIfExists(dump);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
