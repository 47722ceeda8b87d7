package dev.weft.testing.external;

import dev.weft.testing.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A real HAProxy process in the foreground ({@code haproxy -db}), for tests of what runs behind
 * a load balancer. The test writes the configuration for the listening ports it is given (free
 * loopback ports; a set that another process took meanwhile is replaced by a new one), and the
 * process is checked first ({@code haproxy -c}), so a configuration mistake fails with HAProxy's
 * own message.
 *
 * <pre>{@code
 * try (HaproxyServer haproxy = HaproxyServer.start(1, ports -> """
 *         defaults
 *             mode tcp
 *             timeout connect 2s
 *             timeout client 1m
 *             timeout server 1m
 *         listen chat
 *             bind 127.0.0.1:%d
 *             server a 127.0.0.1:%d
 *         """.formatted(ports[0], backendPort))) {
 *     connect(haproxy.port(0));
 * }
 * }</pre>
 *
 * <p>A missing {@code haproxy} skips the test, or fails it under {@code CI=true} (see
 * {@link SystemBinary#require}).
 */
public final class HaproxyServer implements AutoCloseable {

    private final ChildProcess child;
    private final int[] ports;

    private HaproxyServer(ChildProcess child, int[] ports) {
        this.child = child;
        this.ports = ports;
    }

    /**
     * Starts HAProxy with the configuration {@code config} makes for {@code listeners} free
     * loopback ports, and returns once it accepts connections on every one of them.
     *
     * @param listeners how many ports the configuration binds
     * @param config    the configuration for those ports, in order
     * @return the running process
     * @throws IOException if it cannot be started
     */
    public static HaproxyServer start(int listeners, Function<int[], String> config) throws IOException {
        Path binary = SystemBinary.require("haproxy", "haproxy");
        ChildProcess child = new ChildProcess("haproxy");
        try {
            for (int attempt = 1; ; attempt++) {
                int[] ports = new int[listeners];
                Arrays.setAll(ports, i -> LoopbackPorts.free());
                Path file = child.directory().resolve("haproxy.cfg");
                Files.writeString(file, config.apply(ports));
                check(binary, file);
                Process process = child.start(List.of(binary.toString(), "-db", "-f", file.toString()));
                Poll.until("haproxy to listen on " + Arrays.toString(ports) + " or exit",
                        () -> !process.isAlive() || Arrays.stream(ports).allMatch(HaproxyServer::accepts));
                if (process.isAlive()) {
                    return new HaproxyServer(child, ports);
                }
                child.kill();
                if (attempt == LoopbackPorts.ATTEMPTS) {
                    throw new IllegalStateException("haproxy did not start on " + LoopbackPorts.ATTEMPTS
                            + " sets of ports; its log:\n" + child.log());
                }
            }
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    private static void check(Path binary, Path file) throws IOException {
        Process check = new ProcessBuilder(binary.toString(), "-c", "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        try {
            if (check.waitFor() != 0) {
                throw new IllegalArgumentException("haproxy refuses the configuration:\n" + output
                        + "\n--- configuration ---\n" + Files.readString(file));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking the configuration", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A listening port.
     *
     * @param index which, in the order given to the configuration
     * @return the port
     */
    public int port(int index) {
        return ports[index];
    }

    /**
     * What HAProxy wrote (its log, in the foreground), for a failure message.
     *
     * @return the output so far
     */
    public String output() {
        return child.log();
    }

    /** Kills HAProxy and deletes its directory. */
    @Override
    public void close() {
        child.close();
    }

    @Override
    public String toString() {
        return "haproxy on 127.0.0.1:" + Arrays.toString(ports);
    }
}
