package dev.weft.samples.proxy;

import dev.weft.samples.cli.HostAndPort;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.WholeSeconds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code echo-bench --direct HOST:PORT --proxied HOST:PORT}: measures the proxy's overhead.
 * Runs the same closed-loop echo load (each client sends a message, waits for it to come back,
 * repeats) for the same time first against an echo server directly, then through a proxy in
 * front of it, and prints messages per second of both and their ratio. Loopback only, bounded
 * in clients and time.
 */
@Command(name = "echo-bench", description = "echo messages/s direct vs. through a proxy")
public final class EchoBenchMain implements Callable<Integer> {

    @Option(names = "--direct", paramLabel = "HOST:PORT", required = true, converter = HostAndPort.class,
            description = "the echo server")
    private InetSocketAddress direct;

    @Option(names = "--proxied", paramLabel = "HOST:PORT", required = true, converter = HostAndPort.class,
            description = "a proxy whose backend is that echo server")
    private InetSocketAddress proxied;

    @Option(names = "--clients", paramLabel = "N", converter = PositiveNumber.class,
            description = "concurrent connections (default: ${DEFAULT-VALUE})")
    private int clients = 16;

    @Option(names = "--seconds", paramLabel = "SECONDS", converter = WholeSeconds.class,
            description = "measured time per target (default: 10)")
    private Duration duration = Duration.ofSeconds(10);

    @Option(names = "--message-bytes", paramLabel = "BYTES", converter = PositiveNumber.class,
            description = "message size (default: ${DEFAULT-VALUE})")
    private int messageBytes = 64;

    private EchoBenchMain() {
    }

    /** Runs the benchmark; returns the exit status. */
    @Override
    public Integer call() {
        try {
            double directRate = measure(direct);
            System.out.printf("direct:  %,.0f messages/s%n", directRate);
            double proxiedRate = measure(proxied);
            System.out.printf("proxied: %,.0f messages/s%n", proxiedRate);
            System.out.printf("proxied / direct = %.3f%n", proxiedRate / directRate);
            return SampleLauncher.EXIT_OK;
        } catch (IOException | InterruptedException e) {
            System.err.println("echo-bench failed: " + e);
            return SampleLauncher.EXIT_FAILURE;
        }
    }

    /** Messages per second over the measured time, after a one-second warm-up. */
    private double measure(InetSocketAddress target) throws IOException, InterruptedException {
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long end = warmUpEnd + duration.toNanos();
        LongAdder messages = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.setTcpNoDelay(true);
                socket.connect(target, 5_000);
                socket.setSoTimeout(5_000);
                threads.add(Thread.ofVirtual().name("bench-" + i)
                        .start(() -> pingPong(socket, messageBytes, warmUpEnd, end, messages)));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        return messages.sum() / (duration.toNanos() / 1e9);
    }

    private static void pingPong(Socket socket, int size, long warmUpEnd, long end, LongAdder messages) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) 'x');
        byte[] in = new byte[size];
        try {
            OutputStream output = socket.getOutputStream();
            InputStream input = socket.getInputStream();
            long now;
            while ((now = System.nanoTime()) < end) {
                output.write(out);
                if (input.readNBytes(in, 0, size) < size) {
                    throw new IOException("the echo server closed the connection");
                }
                if (now >= warmUpEnd) {
                    messages.increment();
                }
            }
        } catch (IOException e) {
            System.err.println(Thread.currentThread().getName() + " failed: " + e);
        }
    }

    /** Runs the benchmark on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new EchoBenchMain(), args);
    }
}
