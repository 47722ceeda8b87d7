package dev.weft.samples.chat;

import dev.weft.samples.Samples;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat sample as its own process — {@code java dev.weft.samples.Samples chat --host 127.0.0.1
 * --port P --http-port H --redis URI --instance NAME}, on the test's class path — for what only a
 * separate process shows: an instance killed with {@code SIGKILL}, which cleans nothing up; an
 * instance with its own heap and threads, for the benchmark. Its output goes to a file, shown
 * when it fails to start.
 */
final class ChatProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final int tcpPort;
    private final int httpPort;

    private ChatProcess(Process process, Path output, int tcpPort, int httpPort) {
        this.process = process;
        this.output = output;
        this.tcpPort = tcpPort;
        this.httpPort = httpPort;
    }

    /** Starts an instance named {@code name} on Redis at {@code redisUri}; returns once its {@code /health} is 200. */
    static ChatProcess start(String redisUri, String name) throws IOException {
        return start(name, List.of("--redis", redisUri, "--instance", name));
    }

    /**
     * Starts an instance with {@code options} besides its host and ports; returns once its
     * {@code /health} is 200.
     */
    static ChatProcess start(String name, List<String> options) throws IOException {
        int tcpPort = freePort();
        int httpPort = freePort();
        Path output = Files.createTempFile("weft-chat-" + name, ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Samples.class.getName(), "chat", "--host", "127.0.0.1", "--port", Integer.toString(tcpPort),
                "--http-port", Integer.toString(httpPort)));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ChatProcess chat = new ChatProcess(process, output, tcpPort, httpPort);
        try {
            Poll.until(name + " to answer GET /health with 200 (or exit)", () -> !process.isAlive() || chat.healthy());
        } catch (AssertionError e) {
            chat.close();
            throw new AssertionError(e.getMessage() + "; its output:\n" + chat.output(), e);
        }
        if (!process.isAlive()) {
            String log = chat.output();
            chat.close();
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its output:\n" + log);
        }
        return chat;
    }

    int tcpPort() {
        return tcpPort;
    }

    /** Kills the process with {@code SIGKILL}: no leave, no release, its heartbeat left to expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private boolean healthy() {
        return HealthProbe.status(URI.create("http://127.0.0.1:" + httpPort + "/health")) == 200;
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "chat process " + List.of(tcpPort, httpPort);
    }
}
