package dev.weft.testing.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One program run by a test, with its output appended to a log file in a temporary directory of
 * its own, which {@link #close()} deletes with the process killed.
 */
final class ChildProcess implements AutoCloseable {

    private final Path directory;
    private final Path log;
    private Process process;

    ChildProcess(String name) throws IOException {
        this.directory = Files.createTempDirectory("weft-test-" + name);
        this.log = directory.resolve(name + ".log");
    }

    /** The process's own directory, for its configuration and data. */
    Path directory() {
        return directory;
    }

    /** Starts {@code command} (after a previous one ended); its output goes to the log. */
    Process start(List<String> command) throws IOException {
        if (process != null) {
            throw new IllegalStateException("still running: " + command.getFirst() + " pid " + process.pid());
        }
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return process;
    }

    /** The process, if it was started and not killed since. */
    Process process() {
        return process;
    }

    /** Kills the process ({@code SIGKILL}) and waits until it is gone. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Sends {@code signal} ({@code "STOP"}, {@code "CONT"}) to the process, if it runs. */
    void signal(String signal) throws IOException {
        if (process == null) {
            return;
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        try {
            if (kill.waitFor() != 0) {
                throw new IOException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the process wrote, for a failure message. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
