package dev.weft.loadtest.matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Starts this jar's commands as child JVMs (same {@code java}, same class path), and reads
 * their announcement lines with a deadline. Every child is destroyed when this JVM exits, even
 * on Ctrl-C.
 */
final class JavaProcesses {

    private final Queue<Process> started = new ConcurrentLinkedQueue<>();

    JavaProcesses() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyAll, "destroy-children"));
    }

    /** Starts {@code java <jvmOptions> -cp <our class path> dev.weft.loadtest.Main <arguments>}. */
    Process start(List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.weft.loadtest.Main");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(process);
        return process;
    }

    /**
     * Reads lines from {@code out} until one matches {@code wanted}, for at most {@code limit}.
     *
     * @throws IOException when the stream ends or the deadline passes first
     */
    static String awaitLine(BufferedReader out, Predicate<String> wanted, Duration limit, String what)
            throws IOException, InterruptedException {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1);
        Thread reader = Thread.ofVirtual().name("await-" + what).start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (wanted.test(line)) {
                        lines.add(line);
                        return;
                    }
                }
                lines.add("");
            } catch (IOException e) {
                lines.add("");
            }
        });
        String line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            reader.interrupt();
            throw new IOException(what + " did not answer within " + limit);
        }
        if (line.isEmpty()) {
            throw new IOException(what + " ended without answering");
        }
        return line;
    }

    /** Stops {@code process}: closes its input (its cue to stop), then destroys it if it lingers. */
    static void stop(Process process, Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void destroyAll() {
        started.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }
}
