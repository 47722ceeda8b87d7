package dev.weft.samples.chat;

import dev.weft.samples.Samples;
import dev.weft.testing.Poll;
import dev.weft.testing.external.ChildProcess;
import dev.weft.testing.external.LoopbackPorts;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chat sample as its own process — {@code java dev.weft.samples.Samples chat --host 127.0.0.1
 * --port P --http-port H --redis URI --instance NAME}, on the test's class path — for what only a
 * separate process shows: an instance killed with {@code SIGKILL}, which cleans nothing up; an
 * instance with its own heap and threads, for the benchmark. Its output is shown when it fails to
 * start.
 */
final class ChatProcess implements AutoCloseable {

    private final ChildProcess child;
    private final int tcpPort;
    private final int httpPort;

    private ChatProcess(ChildProcess child, int tcpPort, int httpPort) {
        this.child = child;
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
        ChatProcess chat = new ChatProcess(new ChildProcess("chat-" + name), LoopbackPorts.free(), LoopbackPorts.free());
        try {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", absoluteClassPath(), Samples.class.getName(), "chat", "--host", "127.0.0.1",
                    "--port", Integer.toString(chat.tcpPort), "--http-port", Integer.toString(chat.httpPort)));
            command.addAll(options);
            Process process = chat.child.start(command);
            Poll.until(name + " to answer GET /health with 200 (or exit)", () -> !process.isAlive() || chat.healthy());
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            return chat;
        } catch (IOException | RuntimeException | AssertionError e) {
            String output = chat.child.log();
            chat.close();
            throw new IllegalStateException(name + " did not start: " + e.getMessage() + "; its output:\n" + output, e);
        }
    }

    /** This JVM's class path with every entry absolute: the child runs in a directory of its own. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    int tcpPort() {
        return tcpPort;
    }

    /** {@code path} on this instance's HTTP server ({@code --http-port}). */
    URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Kills the process with {@code SIGKILL}: no leave, no release, its heartbeat left to expire. */
    void kill() {
        child.kill();
    }

    private boolean healthy() {
        return HealthProbe.status(http("/health")) == 200;
    }

    @Override
    public void close() {
        child.close();
    }

    @Override
    public String toString() {
        return "chat process " + List.of(tcpPort, httpPort);
    }
}
