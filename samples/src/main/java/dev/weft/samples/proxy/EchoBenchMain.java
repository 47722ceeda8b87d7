package dev.weft.samples.proxy;

import dev.weft.samples.cli.CommandLine;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code echo-bench --direct HOST:PORT --proxied HOST:PORT}: measures the proxy's overhead.
 * Runs the same closed-loop echo load (each client sends a message, waits for it to come back,
 * repeats) for the same time first against an echo server directly, then through a proxy in
 * front of it, and prints messages per second of both and their ratio. Loopback only, bounded
 * in clients and time.
 */
public final class EchoBenchMain {

    private static final Option<InetSocketAddress> DIRECT = Option.hostAndPort("direct", "the echo server");
    private static final Option<InetSocketAddress> PROXIED = Option.hostAndPort("proxied",
            "a proxy whose backend is that echo server");
    private static final Option<Integer> CLIENTS = Option.positiveInt("clients", "N", 16, "concurrent connections");
    private static final Option<Duration> DURATION = Option.seconds("seconds", Duration.ofSeconds(10),
            "measured time per target");
    private static final Option<Integer> MESSAGE = Option.positiveInt("message-bytes", "BYTES", 64, "message size");
    private static final List<Option<?>> OPTIONS = List.of(DIRECT, PROXIED, CLIENTS, DURATION, MESSAGE);
    private static final String SUMMARY = "echo messages/s direct vs. through a proxy";

    private EchoBenchMain() {
    }

    /** Runs the benchmark; returns the exit status. */
    public static int run(String[] args) {
        CommandLine options;
        try {
            options = CommandLine.parse(OPTIONS, args);
        } catch (UsageException e) {
            System.err.println("echo-bench: " + e.getMessage());
            System.err.print(CommandLine.usage("echo-bench", SUMMARY, OPTIONS));
            return SampleLauncher.EXIT_USAGE;
        }
        if (options.helpRequested()) {
            System.out.print(CommandLine.usage("echo-bench", SUMMARY, OPTIONS));
            return SampleLauncher.EXIT_OK;
        }
        try {
            double direct = measure(options.get(DIRECT), options);
            System.out.printf("direct:  %,.0f messages/s%n", direct);
            double proxied = measure(options.get(PROXIED), options);
            System.out.printf("proxied: %,.0f messages/s%n", proxied);
            System.out.printf("proxied / direct = %.3f%n", proxied / direct);
            return SampleLauncher.EXIT_OK;
        } catch (IOException | InterruptedException e) {
            System.err.println("echo-bench failed: " + e);
            return SampleLauncher.EXIT_FAILURE;
        }
    }

    /** Messages per second over the measured time, after a one-second warm-up. */
    private static double measure(InetSocketAddress target, CommandLine options)
            throws IOException, InterruptedException {
        int clients = options.get(CLIENTS);
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        long end = warmUpEnd + options.get(DURATION).toNanos();
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
                        .start(() -> pingPong(socket, options.get(MESSAGE), warmUpEnd, end, messages)));
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        return messages.sum() / (options.get(DURATION).toNanos() / 1e9);
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
        System.exit(run(args));
    }
}
