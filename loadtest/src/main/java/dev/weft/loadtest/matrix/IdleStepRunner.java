package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.report.IdleRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.ProcSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import dev.weft.loadtest.sampler.ClassHistogram;
import dev.weft.loadtest.report.SkippedRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The idle-connections step: reads the server's heap after GC, RSS and threads; opens the
 * connections from several holder processes (each at most {@value #MAX_PER_HOLDER}
 * connections, each from its own loopback source address, so neither one process's
 * open-files limit nor one address's ephemeral ports run out); reads the server again; checks
 * every connection still answers; closes them and waits until the server has let them go.
 */
final class IdleStepRunner {

    /** Connections per holder process; well under the 20,000 open files one process may have. */
    static final int MAX_PER_HOLDER = 5_000;
    /** Descriptors an engine needs besides its connections (JVM, jars, listeners, selectors). */
    static final int DESCRIPTOR_HEADROOM = 500;
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(180);
    private static final Duration RELEASE_LIMIT = Duration.ofSeconds(30);
    private static final List<String> HOLDER_JVM_OPTIONS = List.of("-Xmx512m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private IdleStepRunner() {
    }

    static StepResult run(Step step, EngineProcess engine, JavaProcesses processes)
            throws IOException, InterruptedException {
        OptionalLong limit = openFilesLimit();
        if (limit.isPresent() && step.connections() + DESCRIPTOR_HEADROOM > limit.getAsLong()) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "needs an open-files limit of at least " + (step.connections() + DESCRIPTOR_HEADROOM)
                            + " in the server process; ulimit -n is " + limit.getAsLong());
        }
        boolean http = engine.port(Service.HTTP).isPresent();
        int port = http ? engine.port(Service.HTTP).getAsInt() : engine.port(Service.ECHO).orElseThrow();
        String protocol = http ? "http" : "echo";
        // The first class histogram comes before the baseline: it starts the engine's attach
        // listener thread and touches memory, which must not count against the connections.
        Optional<ClassHistogram> classesBefore = histogram(engine);
        long heapBefore = engine.heapAfterGcBytes();
        ProcSnapshot before = ProcSnapshot.read(engine.pid());
        List<Process> holders = new ArrayList<>();
        try {
            int holderCount = (step.connections() + MAX_PER_HOLDER - 1) / MAX_PER_HOLDER;
            startHolders(processes, holders, holderCount, step.connections(), port, protocol);
            List<BufferedReader> outputs = holders.stream()
                    .map(p -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)))
                    .toList();
            int held = sum(outputs, "HELD ", "held");
            long heapAfter = engine.heapAfterGcBytes();
            ProcSnapshot after = ProcSnapshot.read(engine.pid());
            Optional<ClassHistogram> classesAfter = classesBefore.isPresent() ? histogram(engine) : Optional.empty();
            String byClass = classesBefore.flatMap(b -> classesAfter.map(a -> a.largestGrowth(b, Math.max(1, held), 6)))
                    .orElse("");
            for (Process holder : holders) {
                OutputStream in = holder.getOutputStream();
                in.write("check\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
            }
            int alive = sum(outputs, "ALIVE ", "alive");
            return IdleRow.of(step.engine().label(), protocol, step.connections(), held, alive, heapBefore, heapAfter,
                    before.rssBytes(), after.rssBytes(), before.threads(), after.threads(), after.fds(), holderCount, byClass);
        } finally {
            holders.forEach(h -> JavaProcesses.stop(h, Duration.ofSeconds(10)));
            awaitRelease(engine, before.fds());
        }
    }

    /** The engine's live heap by class; empty (and the report says nothing by class) when jcmd cannot run. */
    private static Optional<ClassHistogram> histogram(EngineProcess engine) throws InterruptedException {
        try {
            return Optional.of(ClassHistogram.read(engine.pid()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The soft open-files limit of this process, which the engine processes inherit; empty if unknown. */
    static OptionalLong openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(soft));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static void startHolders(JavaProcesses processes, List<Process> holders, int holderCount,
                                     int connections, int port, String protocol) throws IOException {
        for (int j = 0; j < holderCount; j++) {
            int share = connections / holderCount + (j < connections % holderCount ? 1 : 0);
            holders.add(processes.start(HOLDER_JVM_OPTIONS, List.of("hold", "--port", Integer.toString(port),
                    "--protocol", protocol, "--connections", Integer.toString(share),
                    "--source", "127.0.0." + (20 + j))));
        }
    }

    private static int sum(List<BufferedReader> outputs, String prefix, String field)
            throws IOException, InterruptedException {
        int total = 0;
        for (BufferedReader out : outputs) {
            String line = JavaProcesses.awaitLine(out, l -> l.startsWith(prefix), HOLD_LIMIT, "idle holder");
            total += Integer.parseInt(field(line, field));
        }
        return total;
    }

    /** The value of {@code name=value} in a line of such fields. */
    static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + name + "= in '" + line + "'");
    }

    /** Waits, polling with a deadline, until the server has closed the connections the holders dropped. */
    private static void awaitRelease(EngineProcess engine, int fdsBefore) throws IOException {
        long deadline = System.nanoTime() + RELEASE_LIMIT.toNanos();
        while (engine.isAlive() && System.nanoTime() < deadline
                && ProcSnapshot.read(engine.pid()).fds() > fdsBefore + 16) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
