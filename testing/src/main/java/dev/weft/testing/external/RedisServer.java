package dev.weft.testing.external;

import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@code redis-server} process on a free loopback port, for tests: started with
 * {@code --port P --bind 127.0.0.1 --save '' --appendonly no} (nothing persisted, so a restart
 * comes back empty, like a crashed cache), in a temporary directory that holds its log. It can be
 * killed ({@code SIGKILL}), restarted on the same port, and paused ({@code SIGSTOP}: a hung Redis
 * that accepts connections and never answers). {@link RedisServerExtension} gives one to each
 * test that asks.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     connectTo(redis.uri());      // redis://127.0.0.1:<port>
 *     redis.kill();                // data gone
 *     redis.restart();             // same port, empty
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private final Path binary;
    private final ChildProcess child;
    private int port;

    private RedisServer(Path binary) throws IOException {
        this.binary = binary;
        this.child = new ChildProcess("redis");
    }

    /**
     * Starts {@code redis-server} from {@code PATH} (see {@link SystemBinary#require}) on a free
     * loopback port; returns once it answers {@code PING}.
     *
     * @return the running server
     * @throws IOException if it cannot be started
     */
    public static RedisServer start() throws IOException {
        return start(SystemBinary.require("redis-server", "redis-server"));
    }

    /**
     * Starts {@code binary} on a free loopback port; returns once it answers {@code PING}.
     *
     * @param binary the {@code redis-server} program
     * @return the running server
     * @throws IOException if it cannot be started
     */
    public static RedisServer start(Path binary) throws IOException {
        RedisServer server = new RedisServer(binary);
        for (int attempt = 1; ; attempt++) {
            server.port = LoopbackPorts.free();
            if (server.launch()) {
                return server;
            }
            if (attempt == LoopbackPorts.ATTEMPTS) {
                String log = server.child.log();
                server.close();
                throw new IllegalStateException("redis-server did not start on " + LoopbackPorts.ATTEMPTS
                        + " ports; its log:\n" + log);
            }
        }
    }

    /**
     * Where it listens.
     *
     * @return {@code redis://127.0.0.1:<port>}
     */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Its port.
     *
     * @return the loopback port it listens on (the same after {@link #restart()})
     */
    public int port() {
        return port;
    }

    /** Kills the server with {@code SIGKILL} and waits until it is gone: its data goes with it. */
    public void kill() {
        child.kill();
    }

    /**
     * Starts the server again on the same port (after {@link #kill()}), empty; returns once it
     * answers {@code PING}.
     *
     * @throws IOException if it cannot be started
     */
    public void restart() throws IOException {
        if (!launch()) {
            throw new IllegalStateException("redis-server did not start again on port " + port + "; its log:\n"
                    + child.log());
        }
    }

    /**
     * Freezes the server ({@code SIGSTOP}): the kernel still accepts connections, nothing is answered.
     *
     * @throws IOException if the signal cannot be sent
     */
    public void pause() throws IOException {
        child.signal("STOP");
    }

    /**
     * Thaws a {@linkplain #pause() paused} server.
     *
     * @throws IOException if the signal cannot be sent
     */
    public void resume() throws IOException {
        child.signal("CONT");
    }

    /** Kills the server (thawing it first if paused) and deletes its directory. */
    @Override
    public void close() {
        try {
            resume();
        } catch (IOException e) {
            // it is killed next, paused or not
        }
        child.close();
    }

    private boolean launch() throws IOException {
        Process started = child.start(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", child.directory().toString()));
        Poll.until("redis-server on port " + port + " to answer PING or exit",
                () -> !started.isAlive() || answersPing());
        if (!started.isAlive()) {
            child.kill();
            return false;
        }
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
            return "+PONG\r\n".equals(new String(in.readNBytes(7), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "redis-server on 127.0.0.1:" + port;
    }
}
