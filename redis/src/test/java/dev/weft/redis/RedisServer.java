package dev.weft.redis;

import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} process on a free loopback port, for tests: started with
 * {@code --port P --bind 127.0.0.1 --save '' --appendonly no} (nothing persisted, so a restart
 * comes back empty, like a crashed cache), in a temporary directory that holds its log. It can be
 * killed ({@code SIGKILL}), restarted on the same port, and paused ({@code SIGSTOP}, a hung
 * Redis that accepts connections and never answers).
 */
final class RedisServer implements AutoCloseable {

    private static final int PORT_ATTEMPTS = 5;

    private final Path binary;
    private final Path directory;
    private int port;
    private Process process;

    private RedisServer(Path binary) throws IOException {
        this.binary = binary;
        this.directory = Files.createTempDirectory("weft-redis-test");
    }

    /** The {@code redis-server} on {@code PATH}, if any. */
    static Optional<Path> findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts a server on a free loopback port and returns once it answers {@code PING}. */
    static RedisServer start(Path binary) throws IOException {
        RedisServer server = new RedisServer(binary);
        for (int attempt = 1; ; attempt++) {
            server.port = freePort();
            if (server.launch()) {
                return server;
            }
            if (attempt == PORT_ATTEMPTS) {
                String log = server.log();
                server.close();
                throw new IllegalStateException("redis-server did not start after " + PORT_ATTEMPTS + " ports; its log:\n" + log);
            }
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** How many connections are subscribed to {@code channel} ({@code PUBSUB NUMSUB}). */
    long subscribers(String channel) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return jedis.pubsubNumSub(channel).getOrDefault(channel, 0L);
        }
    }

    /** Runs {@code command} on a connection of its own, for a test to look at Redis's state. */
    <T> T query(java.util.function.Function<Jedis, T> command) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return command.apply(jedis);
        }
    }

    /** Kills the server with {@code SIGKILL} and waits until it is gone: its data goes with it. */
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

    /** Starts the server again on the same port (after {@link #kill()}), empty. */
    void restart() throws IOException {
        if (process != null) {
            throw new IllegalStateException("redis-server is still running on " + port);
        }
        if (!launch()) {
            throw new IllegalStateException("redis-server did not start again on port " + port + "; its log:\n" + log());
        }
    }

    /** Freezes the server ({@code SIGSTOP}): connections are accepted by the kernel, nothing is answered. */
    void pause() throws IOException {
        signal("-STOP");
    }

    /** Thaws a {@linkplain #pause() paused} server. */
    void resume() throws IOException {
        signal("-CONT");
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                resume();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        kill();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()));
        Process started = builder.start();
        Poll.until("redis-server on port " + port + " to answer PING or exit",
                () -> !started.isAlive() || answersPing());
        if (!started.isAlive()) {
            return false;
        }
        process = started;
        return true;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return "+PONG\r\n".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private void signal(String signal) throws IOException {
        if (process == null) {
            return;
        }
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        try {
            if (kill.waitFor() != 0) {
                throw new IOException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
