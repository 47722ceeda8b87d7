package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.EngineKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An engine running in a child JVM ({@code Main engine <kind>}), its ports read from the
 * {@code READY} line, its heap read through the control port.
 */
final class EngineProcess implements AutoCloseable {

    /** The same JVM options for every engine: only the model differs. */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx1g", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final EngineKind kind;
    private final Process process;
    private final Map<String, String> ready;

    private EngineProcess(EngineKind kind, Process process, Map<String, String> ready) {
        this.kind = kind;
        this.process = process;
        this.ready = ready;
    }

    /** Starts the engine and waits until it listens. */
    static EngineProcess start(JavaProcesses processes, EngineKind kind, List<String> extraJvmOptions,
                               Optional<Path> jfr) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(kind.jvmOptions(Runtime.version().feature()));
        options.addAll(extraJvmOptions);
        jfr.ifPresent(file -> options.add("-XX:StartFlightRecording=settings=profile,filename=" + file.toAbsolutePath()));
        Process process = processes.start(options, List.of("engine", kind.label()));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = JavaProcesses.awaitLine(out, l -> l.startsWith("READY "), START_LIMIT, kind.label() + " engine");
            Map<String, String> ready = parse(line);
            ready.put("engine", ready.get("engine") + "; JVM options: " + String.join(" ", options));
            return new EngineProcess(kind, process, ready);
        } catch (IOException e) {
            JavaProcesses.stop(process, Duration.ofSeconds(1));
            throw e;
        }
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> fields = new HashMap<>();
        String rest = line.substring("READY ".length());
        int engineAt = rest.indexOf("engine=");
        fields.put("engine", rest.substring(engineAt + "engine=".length()));
        for (String field : rest.substring(0, engineAt).trim().split(" ")) {
            int eq = field.indexOf('=');
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return fields;
    }

    EngineKind kind() {
        return kind;
    }

    long pid() {
        return process.pid();
    }

    String description() {
        return ready.get("engine");
    }

    InetSocketAddress echo() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(ready.get("echo")));
    }

    OptionalInt httpPort() {
        String http = ready.get("http");
        return "-".equals(http) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(http));
    }

    OptionalInt udpPort() {
        String udp = ready.get("udp");
        return udp == null || "-".equals(udp) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(udp));
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
