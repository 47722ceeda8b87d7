package dev.weft.loadtest.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine as its own process for the load test. Once every service listens it prints one
 * line of tab-separated fields,
 * {@code READY pid=<pid> ports=<service>:<port>,... control=<port> transport=<text> engine=<text>},
 * then serves a line-based control port on loopback:
 * <ul>
 *   <li>{@code heap} — runs a full GC and answers the heap bytes in use after it;</li>
 *   <li>{@code stop} — stops the engine and ends the process.</li>
 * </ul>
 * The process also stops when its standard input ends, so an engine never outlives the load
 * test that started it, even when that one is killed.
 */
public final class EngineHost {

    private static final Logger log = LoggerFactory.getLogger(EngineHost.class);

    private final Engine engine;
    private final ServerSocket control;
    private final CountDownLatch stop = new CountDownLatch(1);

    private EngineHost(Engine engine, ServerSocket control) {
        this.engine = engine;
        this.control = control;
    }

    /** Starts {@code kind}, announces it on {@code out}, and blocks until told to stop. */
    public static void run(EngineKind kind, EngineOptions options, InputStream stdin, PrintStream out)
            throws IOException, InterruptedException {
        try (Engine engine = kind.start(options);
             ServerSocket control = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            EngineHost host = new EngineHost(engine, control);
            Thread.ofPlatform().daemon().name("engine-control").start(host::serveControl);
            Thread.ofPlatform().daemon().name("engine-stdin").start(() -> host.awaitEndOf(stdin));
            out.println(readyLine(engine, control.getLocalPort()));
            out.flush();
            host.stop.await();
            log.info("{} stopping", kind.label());
        }
    }

    /** The announcement: tab-separated, because the transport and description contain spaces. */
    static String readyLine(Engine engine, int controlPort) {
        String ports = engine.ports().entrySet().stream()
                .map(e -> e.getKey().label() + ":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
        return String.join("\t", "READY", "pid=" + ProcessHandle.current().pid(), "ports=" + ports,
                "control=" + controlPort, "transport=" + engine.transport(), "engine=" + engine.description());
    }

    private void awaitEndOf(InputStream stdin) {
        try {
            while (stdin.read() >= 0) {
                // whatever arrives is ignored; only the end matters
            }
        } catch (IOException e) {
            log.debug("stdin failed: {}", e.toString());
        }
        stop.countDown();
    }

    private void serveControl() {
        while (!control.isClosed()) {
            try (Socket socket = control.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                for (String line; (line = in.readLine()) != null; ) {
                    switch (line.trim()) {
                        case "heap" -> out.println(heapAfterGc());
                        case "stop" -> {
                            out.println("stopping");
                            stop.countDown();
                            return;
                        }
                        default -> out.println("unknown command '" + line + "': use heap or stop");
                    }
                }
            } catch (IOException e) {
                log.debug("control connection of {} failed: {}", engine.kind().label(), e.toString());
            }
        }
    }

    /** Two full collections (the second catches what finalisation-like cleaners freed), then the heap in use. */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
