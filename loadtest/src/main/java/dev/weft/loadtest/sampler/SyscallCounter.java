package dev.weft.loadtest.sampler;

import java.io.IOException;
import dev.weft.loadtest.SearchPath;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a server process's system calls by kind over exactly a measurement window:
 * {@code perf stat -x, -D -1 --control fifo:ctl,ack -p <pid> -e syscalls:sys_enter_<kind>,...}
 * is attached before the step with its counters off, switched on when the window opens and off
 * when it closes (each acknowledged by perf), then stopped with {@code SIGINT} and its CSV read.
 * Threads the server starts later inherit the counters.
 *
 * <p>{@code perf} opens one counter per event and thread, so a server with very many threads
 * (one platform thread per connection) can exceed the open-files limit; such a window is
 * reported as unavailable with the numbers, never half-counted.
 */
public final class SyscallCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyscallCounter.class);

    /** The kinds counted one by one: the hot paths of every engine here. */
    public static final List<String> KINDS = List.of("read", "readv", "recvfrom", "recvmsg", "recvmmsg", "write",
            "writev", "sendto", "sendmsg", "sendmmsg", "sendfile64", "epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2", "futex",
            "sched_yield", "accept", "accept4", "close");
    private static final String TOTAL_EVENT = "raw_syscalls:sys_enter";
    private static final String PREFIX = "syscalls:sys_enter_";
    private static final Duration ACK_LIMIT = Duration.ofSeconds(10);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);
    private static final int SPARE_DESCRIPTORS = 300;

    /** Whether syscalls can be counted on this machine, found once per run. */
    public sealed interface Probe {
        /**
         * They can.
         *
         * @param perf  the {@code perf} executable
         * @param kinds the kinds whose tracepoints exist here (a subset of {@link #KINDS})
         * @param note  what else the probe learned (hardware counters), for the report
         */
        record Available(Path perf, List<String> kinds, String note) implements Probe {
            /** Validates. */
            public Available {
                kinds = List.copyOf(kinds);
            }
        }

        /**
         * They cannot.
         *
         * @param reason why, with what to do about it
         */
        record Unavailable(String reason) implements Probe {
        }

        /** A sentence for the report. */
        default String describe() {
            return switch (this) {
                case Available a -> "system calls counted by perf stat on the syscall tracepoints (" + a.kinds().size()
                        + " kinds and the total) of the server process over each measurement window; " + a.note();
                case Unavailable u -> "system calls per request: unavailable (" + u.reason() + ")";
            };
        }
    }

    private final Process perf;
    private final Path dir;
    private final Path output;
    private final RandomAccessFile control;
    private final RandomAccessFile ack;
    private final Thread ackReader;
    private volatile boolean closing;
    private final BlockingQueue<String> acks = new ArrayBlockingQueue<>(4);
    private final List<String> kinds;

    private SyscallCounter(Process perf, Path dir, Path output, RandomAccessFile control, RandomAccessFile ack,
                           List<String> kinds) {
        this.perf = perf;
        this.dir = dir;
        this.output = output;
        this.control = control;
        this.ack = ack;
        this.kinds = kinds;
        this.ackReader = Thread.ofVirtual().name("perf-ack-" + perf.pid()).start(this::readAcks);
    }

    /** Finds whether {@code perf} can count syscall tracepoints here, and which kinds exist. */
    public static Probe probe() {
        Path perf = SearchPath.find("perf").orElse(null);
        if (perf == null) {
            return new Probe.Unavailable("perf is not installed (apt-get install linux-perf; scripts/loadtest.sh"
                    + " installs it when run as root)");
        }
        List<String> kinds = KINDS.stream().filter(SyscallCounter::tracepointExists).toList();
        List<String> events = new ArrayList<>(kinds.stream().map(k -> PREFIX + k).toList());
        events.add(TOTAL_EVENT);
        String tracepoints = run(List.of(perf.toString(), "stat", "-x,", "-e", String.join(",", events), "--", "true"));
        if (tracepoints.contains("not supported") || tracepoints.contains("rror") || !tracepoints.contains(TOTAL_EVENT)) {
            return new Probe.Unavailable("perf cannot count syscall tracepoints here (" + firstLine(tracepoints)
                    + "); it needs root or kernel.perf_event_paranoid <= -1 and tracefs at /sys/kernel/tracing");
        }
        String instructions = run(List.of(perf.toString(), "stat", "-x,", "-e", "instructions", "--", "true"));
        String note = instructions.contains("<not supported>") || instructions.contains("rror")
                ? "hardware counters are not available here (perf stat -e instructions: not supported), so CPU time"
                        + " per request comes from /proc"
                : "CPU time per request comes from /proc";
        return new Probe.Available(perf, kinds, note);
    }

    private static boolean tracepointExists(String kind) {
        for (String root : List.of("/sys/kernel/tracing", "/sys/kernel/debug/tracing")) {
            Path events = Path.of(root, "events", "syscalls");
            if (Files.isDirectory(events)) {
                return Files.isDirectory(events.resolve("sys_enter_" + kind));
            }
        }
        return true; // tracefs not visible to us: let perf decide
    }

    /**
     * Attaches to {@code pid} with the counters off, or says why it cannot.
     *
     * @param probe            the run's probe
     * @param pid              the server process
     * @param openFilesLimit   this process's open-files limit, which perf inherits
     */
    public static Attachment attach(Probe probe, long pid, long openFilesLimit) {
        if (!(probe instanceof Probe.Available available)) {
            return new Attachment.Failed(((Probe.Unavailable) probe).reason());
        }
        int threads;
        try {
            threads = ProcSnapshot.read(pid).threads();
        } catch (IOException e) {
            return new Attachment.Failed("cannot read the server's threads: " + e.getMessage());
        }
        int events = available.kinds().size() + 1;
        if ((long) threads * events > openFilesLimit - SPARE_DESCRIPTORS) {
            return new Attachment.Failed("the server has " + threads + " threads: " + threads + " × " + events
                    + " perf counters exceed the open-files limit of " + openFilesLimit);
        }
        try {
            return new Attachment.Attached(start(available, pid));
        } catch (IOException e) {
            return new Attachment.Failed("perf did not start: " + e.getMessage());
        }
    }

    /** What {@link #attach} gave. */
    public sealed interface Attachment {
        /**
         * Counting, counters off until {@link SyscallCounter#enable()}.
         *
         * @param counter the running counter
         */
        record Attached(SyscallCounter counter) implements Attachment {
        }

        /**
         * Not counting.
         *
         * @param reason why
         */
        record Failed(String reason) implements Attachment {
        }
    }

    private static SyscallCounter start(Probe.Available probe, long pid) throws IOException {
        Path dir = Files.createTempDirectory("weft-perf-");
        Path ctl = dir.resolve("ctl");
        Path ack = dir.resolve("ack");
        Path output = dir.resolve("stat.csv");
        for (Path fifo : List.of(ctl, ack)) {
            String made = run(List.of("mkfifo", fifo.toString()));
            if (!Files.exists(fifo)) {
                throw new IOException("mkfifo " + fifo + " failed: " + firstLine(made));
            }
        }
        List<String> events = new ArrayList<>(probe.kinds().stream().map(k -> PREFIX + k).toList());
        events.add(TOTAL_EVENT);
        // Opened read-write, a FIFO never blocks the open, whether or not perf has opened its end yet.
        RandomAccessFile ackEnd = new RandomAccessFile(ack.toFile(), "rw");
        RandomAccessFile ctlEnd = new RandomAccessFile(ctl.toFile(), "rw");
        Process perf = new ProcessBuilder(probe.perf().toString(), "stat", "-x,", "--no-big-num", "-D", "-1",
                "--control", "fifo:" + ctl + "," + ack, "-o", output.toString(), "-e", String.join(",", events),
                "-p", Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(dir.resolve("perf.log").toFile()).start();
        return new SyscallCounter(perf, dir, output, ctlEnd, ackEnd, probe.kinds());
    }

    /**
     * Reads perf's acknowledgements until {@link #close()} says so: it writes a byte into the
     * FIFO itself to wake this read (closing a file does not interrupt a thread blocked in a
     * FIFO read; a {@code RandomAccessFile}, unlike a {@code FileChannel}, takes no lock that
     * would make that write wait for the read).
     */
    private void readAcks() {
        byte[] buffer = new byte[64];
        try {
            StringBuilder pending = new StringBuilder();
            for (int n; !closing && (n = ack.read(buffer)) > 0; ) {
                pending.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                int at;
                while ((at = pending.indexOf("ack")) >= 0) {
                    acks.add("ack");
                    pending.delete(0, at + 3);
                }
            }
        } catch (IOException e) {
            log.debug("perf ack channel closed: {}", e.toString());
        }
    }

    /** Switches the counters on; returns once perf has acknowledged. */
    public void enable() throws IOException, InterruptedException {
        command("enable");
    }

    /** Switches the counters off; returns once perf has acknowledged. */
    public void disable() throws IOException, InterruptedException {
        command("disable");
    }

    private void command(String command) throws IOException, InterruptedException {
        control.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        if (acks.poll(ACK_LIMIT.toMillis(), TimeUnit.MILLISECONDS) == null) {
            throw new IOException("perf did not acknowledge '" + command + "' within " + ACK_LIMIT.toSeconds()
                    + " s" + (perf.isAlive() ? "" : ": it exited with " + perf.exitValue() + ", " + perfLog()));
        }
    }

    /** Stops perf and reads what it counted while enabled. */
    public SyscallCounts finish() throws InterruptedException {
        try {
            if (perf.isAlive()) {
                run(List.of("kill", "-INT", Long.toString(perf.pid())));
            }
            if (!perf.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new SyscallCounts.Unavailable("perf did not stop within " + STOP_LIMIT.toSeconds() + " s");
            }
            if (!Files.exists(output)) {
                return new SyscallCounts.Unavailable("perf wrote no counts: " + perfLog());
            }
            return parse(Files.readString(output), kinds);
        } catch (IOException e) {
            return new SyscallCounts.Unavailable("cannot read perf's counts: " + e.getMessage());
        } finally {
            close();
        }
    }

    /**
     * Reads {@code perf stat -x,} output: {@code count,unit,event,...} per line;
     * {@code <not counted>} (the event never fired while enabled) is 0.
     */
    static SyscallCounts parse(String csv, List<String> kinds) {
        Map<String, Long> byKind = new HashMap<>();
        Long total = null;
        for (String line : csv.split("\n")) {
            String[] fields = line.split(",", -1);
            if (line.startsWith("#") || fields.length < 3) {
                continue;
            }
            String event = fields[2];
            String value = fields[0].trim();
            if (value.equals("<not supported>")) {
                return new SyscallCounts.Unavailable("perf: " + event + " not supported");
            }
            long count = value.startsWith("<") ? 0 : Long.parseLong(value);
            if (event.equals(TOTAL_EVENT)) {
                total = count;
            } else if (event.startsWith(PREFIX)) {
                byKind.put(event.substring(PREFIX.length()), count);
            }
        }
        if (total == null || !byKind.keySet().containsAll(kinds)) {
            return new SyscallCounts.Unavailable("perf's output lacks some counters: " + firstLine(csv));
        }
        return new SyscallCounts.Counted(byKind, total);
    }

    private String perfLog() {
        try {
            return firstLine(Files.readString(dir.resolve("perf.log")));
        } catch (IOException e) {
            return "no log";
        }
    }

    /** Ends perf if still running and removes its files; idempotent. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        perf.destroyForcibly();
        try {
            closing = true;
            ack.write('\n');
            ackReader.join(ACK_LIMIT);
            control.close();
            ack.close();
        } catch (IOException e) {
            log.debug("closing perf's fifos failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.debug("cleaning {} failed: {}", dir, e.toString());
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "cannot run " + command.get(0) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("no output");
    }

}
