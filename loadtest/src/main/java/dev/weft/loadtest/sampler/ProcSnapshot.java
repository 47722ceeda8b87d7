package dev.weft.loadtest.sampler;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One reading of a process from {@code /proc/<pid>}.
 *
 * @param cpu      user plus system CPU time consumed since the process started
 * @param rssBytes resident memory ({@code VmRSS})
 * @param threads  kernel threads ({@code Threads})
 * @param fds      open file descriptors (entries of {@code fd/})
 */
public record ProcSnapshot(Duration cpu, long rssBytes, int threads, int fds) {

    /** Clock ticks per second of {@code utime}/{@code stime}; 100 on every Linux we run on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /**
     * Reads the process now.
     *
     * @throws IOException when the process is gone or {@code /proc} is unreadable
     */
    public static ProcSnapshot read(long pid) throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        String stat = Files.readString(dir.resolve("stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        long rss = 0;
        int threads = 0;
        for (String line : Files.readAllLines(dir.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kibibytes(line) * 1_024;
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        return new ProcSnapshot(Duration.ofMillis(ticks * 1_000 / CLOCK_TICKS_PER_SECOND), rss, threads, countFds(dir));
    }

    private static long kibibytes(String line) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        return Long.parseLong(value.substring(0, value.indexOf(' ')));
    }

    private static int countFds(Path dir) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path ignored : entries) {
                count++;
            }
        }
        return count;
    }
}
