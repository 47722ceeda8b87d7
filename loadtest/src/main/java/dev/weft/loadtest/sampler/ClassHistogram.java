package dev.weft.loadtest.sampler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live heap of a JVM by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full
 * GC first), so that the growth between two readings can be put down to the classes that
 * grew: for the idle step, what one held connection costs, object by object.
 *
 * @param bytesByClass live bytes per class name
 */
public record ClassHistogram(Map<String, Long> bytesByClass) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    /** Validates. */
    public ClassHistogram {
        bytesByClass = Map.copyOf(bytesByClass);
    }

    /**
     * Reads the histogram of process {@code pid} with the {@code jcmd} of this JVM's JDK.
     *
     * @throws IOException when {@code jcmd} is missing or fails
     */
    public static ClassHistogram read(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException("no jcmd beside " + java);
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram failed: " + output.lines().findFirst().orElse(""));
        }
        return parse(output);
    }

    /** Parses {@code jcmd GC.class_histogram} output. */
    static ClassHistogram parse(String output) {
        Map<String, Long> bytes = new HashMap<>();
        output.lines().forEach(line -> {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        });
        return new ClassHistogram(bytes);
    }

    /**
     * The classes that grew most from {@code before} to this reading, as
     * {@code "StackChunk 3,092 B; [B 599 B; …"} per {@code divisor} (e.g. per connection).
     */
    public String largestGrowth(ClassHistogram before, int divisor, int count) {
        List<Map.Entry<String, Long>> grown = bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .toList();
        return grown.stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d B", shortName(e.getKey()), e.getValue() / Math.max(1, divisor)))
                .collect(Collectors.joining("; "));
    }

    /** {@code StackChunk} for {@code jdk.internal.vm.StackChunk}, {@code ByteBuffer[]} for {@code [Ljava.nio.ByteBuffer;}. */
    static String shortName(String className) {
        if (className.equals("[B")) {
            return "byte[]";
        }
        if (className.startsWith("[L") && className.endsWith(";")) {
            return shortName(className.substring(2, className.length() - 1)) + "[]";
        }
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
