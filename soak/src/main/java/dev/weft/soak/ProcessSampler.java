package dev.weft.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples another JVM on this Linux machine: RSS and threads from {@code /proc/<pid>/status},
 * descriptors from {@code /proc/<pid>/fd}, and heap after a full GC with {@code jcmd <pid> GC.run}
 * then {@code jcmd <pid> GC.heap_info} (the {@code jcmd} of the JDK running this driver).
 */
final class ProcessSampler {

    private static final Pattern HEAP_USED = Pattern.compile("heap.*?used (\\d+)K");
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private final long pid;
    private final Path proc;
    private final Path jcmd;

    ProcessSampler(long pid) {
        this.pid = pid;
        this.proc = Path.of("/proc", Long.toString(pid));
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return Files.isDirectory(proc);
    }

    /** Takes one sample, stamped {@code elapsed}. */
    Sample sample(Duration elapsed) throws IOException, InterruptedException {
        long heap = heapAfterGc();
        List<String> status = Files.readAllLines(proc.resolve("status"), StandardCharsets.ISO_8859_1);
        long rssKib = statusField(status, "VmRSS");
        long threads = statusField(status, "Threads");
        long descriptors;
        try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            descriptors = fds.count();
        }
        return new Sample(elapsed, rssKib * 1024, heap, threads, descriptors);
    }

    private long heapAfterGc() throws IOException, InterruptedException {
        run("GC.run");
        String info = run("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IOException("no 'heap ... used NK' in jcmd GC.heap_info output:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + " did not finish within " + JCMD_TIMEOUT);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed (" + process.exitValue() + "): " + text);
        }
        return text;
    }

    private long statusField(List<String> status, String field) throws IOException {
        for (String line : status) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException("no " + field + " in " + proc.resolve("status"));
    }
}
