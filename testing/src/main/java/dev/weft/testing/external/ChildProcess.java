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
 * its own, which {@link #close()} deletes with the process killed. {@link RedisServer} and
 * {@link HaproxyServer} run on it; a test may run any other program — another JVM, say — the
 * same way:
 * <pre>{@code
 * try (ChildProcess child = new ChildProcess("chat")) {
 *     Process process = child.start(List.of("java", "-cp", classPath, "my.Main"));
 *     ...
 *     child.kill();                // SIGKILL: what a crash looks like to the others
 * }
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {

    private final Path directory;
    private final Path log;
    private Process process;

    /**
     * A child not started yet, with its directory made.
     *
     * @param name what it is, for its directory's and its log's names
     * @throws IOException if the directory cannot be made
     */
    public ChildProcess(String name) throws IOException {
        this.directory = Files.createTempDirectory("weft-test-" + name);
        this.log = directory.resolve(name + ".log");
    }

    /**
     * The process's own directory, for its configuration and data; its working directory.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Starts {@code command} (after a previous one was killed); its output and errors go to the log.
     *
     * @param command the program and its arguments
     * @return the process
     * @throws IOException if it cannot be started
     * @throws IllegalStateException if the previous one still runs
     */
    public Process start(List<String> command) throws IOException {
        if (process != null) {
            throw new IllegalStateException("still running: " + command.getFirst() + " pid " + process.pid());
        }
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return process;
    }


    /** Kills the process ({@code SIGKILL}), if it runs, and waits until it is gone. */
    public void kill() {
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

    /**
     * Sends {@code signal} to the process, if it runs.
     *
     * @param signal the signal's name without {@code SIG}: {@code "STOP"}, {@code "CONT"}, {@code "TERM"}
     * @throws IOException if {@code kill} fails
     */
    public void signal(String signal) throws IOException {
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

    /**
     * What the process wrote so far, for a failure message.
     *
     * @return its output and errors
     */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the process and deletes its directory. */
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
