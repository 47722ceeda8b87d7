package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.report.EngineStart;
import dev.weft.loadtest.sampler.ProcSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An engine running in a child JVM ({@code Main engine <kind>}), its ports and transport read
 * from the {@code READY} line, its heap read through the control port.
 */
final class EngineProcess implements AutoCloseable {

    /** The same JVM options for every engine: only the model differs. */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx1g", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final EngineKind kind;
    private final Process process;
    private final Map<String, String> ready;
    private final EngineStart start;

    private EngineProcess(EngineKind kind, Process process, Map<String, String> ready, EngineStart start) {
        this.kind = kind;
        this.process = process;
        this.ready = ready;
        this.start = start;
    }

    /** Starts the engine and waits until it listens. */
    static EngineProcess start(JavaProcesses processes, EngineKind kind, List<String> extraJvmOptions,
                               List<String> recordingOptions) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(kind.jvmOptions(Runtime.version().feature()));
        options.addAll(extraJvmOptions);
        options.addAll(recordingOptions);
        long launched = System.nanoTime();
        Process process = processes.start(options, List.of("engine", kind.label()));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = JavaProcesses.awaitLine(out, l -> l.startsWith("READY\t"), START_LIMIT, kind.label() + " engine");
            Duration startUp = Duration.ofNanos(System.nanoTime() - launched);
            long rss = ProcSnapshot.read(process.pid()).rssBytes();
            Map<String, String> ready = parse(line);
            EngineStart start = new EngineStart(kind.label(), services(ready), startUp, rss);
            ready.put("engine", ready.get("engine") + "; JVM options: " + String.join(" ", options));
            return new EngineProcess(kind, process, ready, start);
        } catch (IOException e) {
            JavaProcesses.stop(process, Duration.ofSeconds(1));
            throw e;
        }
    }

    /** The fields of the {@code READY} line: tab-separated {@code name=value}. */
    static Map<String, String> parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String field : line.split("\t")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return fields;
    }

    /** The services of a {@code READY} line, without their ports: {@code echo, http, https}. */
    private static String services(Map<String, String> ready) {
        List<String> names = new ArrayList<>();
        for (String entry : ready.getOrDefault("ports", "").split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                names.add(entry.substring(0, colon));
            }
        }
        names.sort(null);
        return String.join(", ", names);
    }

    /** How long this process took to listen, and its memory then. */
    EngineStart start() {
        return start;
    }

    EngineKind kind() {
        return kind;
    }

    long pid() {
        return process.pid();
    }

    /** What the engine is, with the JVM options it runs with. */
    String description() {
        return ready.get("engine");
    }

    /** How the engine waits for sockets, as it said itself. */
    String transport() {
        return ready.get("transport");
    }

    /** The port of {@code service}, or empty when the engine does not run it. */
    OptionalInt port(Service service) {
        for (String entry : ready.getOrDefault("ports", "").split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0 && entry.substring(0, colon).equals(service.label())) {
                return OptionalInt.of(Integer.parseInt(entry.substring(colon + 1)));
            }
        }
        return OptionalInt.empty();
    }

    /** The loopback address of {@code service}. */
    Optional<InetSocketAddress> address(Service service) {
        OptionalInt port = port(service);
        return port.isPresent()
                ? Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getAsInt()))
                : Optional.empty();
    }

    /** The server's heap in use right after a full GC, asked over the control port. */
    long heapAfterGcBytes() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(ready.get("control")));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(30_000);
            out.println("heap");
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException(kind.label() + " closed the control connection");
            }
            return Long.parseLong(answer.trim());
        }
    }

    /** Whether the engine process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        JavaProcesses.stop(process, Duration.ofSeconds(10));
    }
}
