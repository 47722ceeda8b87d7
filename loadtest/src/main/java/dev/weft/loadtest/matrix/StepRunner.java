package dev.weft.loadtest.matrix;

import dev.weft.loadtest.generator.ConnectionReuse;
import dev.weft.loadtest.generator.LoadGenerator;
import dev.weft.loadtest.generator.LoadMode;
import dev.weft.loadtest.generator.LoadResult;
import dev.weft.loadtest.generator.LoadSpec;
import dev.weft.loadtest.generator.MeasurementListener;
import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.generator.UdpEcho;
import dev.weft.loadtest.generator.UdpFanOut;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.sampler.SyscallCounts;
import dev.weft.loadtest.tls.ClientTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Runs one request {@link Step} against an engine process with this JVM as the generator. */
final class StepRunner {

    /** Clients bind to these in turn, so 10,000 connections never exhaust one address's ports. */
    static final List<InetAddress> SOURCE_ADDRESSES = loopbackRange(2, 8);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Relay messages in flight at most (counted by the first receiver). */
    private static final int FAN_OUT_WINDOW = 16;
    /** UDP echo datagrams in flight per client socket. */
    static final int UDP_ECHO_WINDOW = 4;
    private static final int MESSAGE_BYTES = 64;
    private static final double MIB = 1_024.0 * 1_024.0;

    private StepRunner() {
    }

    /** Runs {@code step}; a step the engine cannot serve becomes a {@link SkippedRow}. */
    static StepResult run(Step step, EngineProcess engine, SyscallCounter.Probe syscalls) throws InterruptedException {
        Optional<InetSocketAddress> target = engine.address(step.scenario().service());
        if (target.isEmpty()) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "the engine announced no " + step.scenario().service().label() + " port");
        }
        InetSocketAddress at = target.get();
        return switch (step.scenario()) {
            case ECHO -> load(step, engine, syscalls, at, new Protocol.Echo(MESSAGE_BYTES), ConnectionReuse.KEEP_ALIVE);
            case CHURN -> load(step, engine, syscalls, at, new Protocol.Echo(MESSAGE_BYTES), ConnectionReuse.NEW_PER_ROUND_TRIP);
            case HTTP, OPEN_LOOP -> load(step, engine, syscalls, at, new Protocol.Http(1), ConnectionReuse.KEEP_ALIVE);
            case PIPELINED -> load(step, engine, syscalls, at, new Protocol.Http(16), ConnectionReuse.KEEP_ALIVE);
            case HTTPS -> load(step, engine, syscalls, at, https(step), ConnectionReuse.KEEP_ALIVE);
            case TLS_CONNECT -> load(step, engine, syscalls, at, https(step), ConnectionReuse.NEW_PER_ROUND_TRIP);
            case WEBSOCKET -> load(step, engine, syscalls, at, new Protocol.WebSocketEcho(MESSAGE_BYTES),
                    ConnectionReuse.KEEP_ALIVE);
            case UDP_FANOUT -> fanOut(step, engine, syscalls, at);
            case UDP_ECHO -> udpEcho(step, engine, syscalls, at);
            case IDLE, WRK, H2 -> throw new IllegalArgumentException(step.scenario() + " is not a generator step");
        };
    }

    private static Protocol https(Step step) {
        if (!(step.variant() instanceof Variant.Tls tls)) {
            throw new IllegalArgumentException(step.describe() + " needs a TLS version");
        }
        return new Protocol.Https(ClientTls.of(tls.suite()));
    }

    private static StepResult load(Step step, EngineProcess engine, SyscallCounter.Probe syscalls,
                                   InetSocketAddress target, Protocol protocol, ConnectionReuse reuse)
            throws InterruptedException {
        LoadMode mode = step.rate().isPresent() ? new LoadMode.OpenLoop(step.rate().getAsInt()) : new LoadMode.ClosedLoop();
        LoadSpec spec = new LoadSpec(target, SOURCE_ADDRESSES, protocol, step.connections(), mode, reuse,
                step.warmup(), step.measure(), REQUEST_TIMEOUT);
        try (WindowSampler sampler = new WindowSampler(engine.pid(), syscalls)) {
            LoadResult result = LoadGenerator.run(spec, sampler);
            ProcessUsage usage = sampler.server().orElseThrow(() -> new IllegalStateException("no server sample"));
            return row(step, protocol.label(), result, usage, sampler);
        }
    }

    private static StepResult fanOut(Step step, EngineProcess engine, SyscallCounter.Probe syscalls,
                                     InetSocketAddress relay) throws InterruptedException {
        UdpFanOut.Spec spec = new UdpFanOut.Spec(relay, step.connections(), MESSAGE_BYTES, FAN_OUT_WINDOW,
                step.warmup(), step.measure());
        return udp(step, engine, syscalls, "udp-relay-" + MESSAGE_BYTES + "B", sampler -> UdpFanOut.run(spec, sampler));
    }

    private static StepResult udpEcho(Step step, EngineProcess engine, SyscallCounter.Probe syscalls,
                                      InetSocketAddress server) throws InterruptedException {
        UdpEcho.Spec spec = new UdpEcho.Spec(server, step.connections(), MESSAGE_BYTES, UDP_ECHO_WINDOW,
                step.warmup(), step.measure());
        return udp(step, engine, syscalls, "udp-echo-" + MESSAGE_BYTES + "B-w" + UDP_ECHO_WINDOW,
                sampler -> UdpEcho.run(spec, sampler));
    }

    /** A UDP generator, run over the sampler's window. */
    private interface UdpRun {
        LoadResult run(MeasurementListener window) throws IOException, InterruptedException;
    }

    /** Runs a UDP generator step; a socket that cannot be opened (or a relay that will not answer) skips it. */
    private static StepResult udp(Step step, EngineProcess engine, SyscallCounter.Probe syscalls, String protocol,
                                  UdpRun run) throws InterruptedException {
        try (WindowSampler sampler = new WindowSampler(engine.pid(), syscalls)) {
            LoadResult result = run.run(sampler);
            ProcessUsage usage = sampler.server().orElseThrow(() -> new IllegalStateException("no server sample"));
            return row(step, protocol, result, usage, sampler);
        } catch (IOException e) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    step.scenario().label() + " failed: " + e.getMessage());
        }
    }

    private static LoadRow row(Step step, String protocol, LoadResult r, ProcessUsage usage, WindowSampler sampler)
            throws InterruptedException {
        SyscallCounts syscalls = sampler.syscalls();
        return new LoadRow(step.engine().label(), step.scenario().label(), protocol, "weft-gen", step.connections(),
                step.rate(), r.responses(), r.throughputPerSecond(), r.errors(), r.timeouts(),
                r.latencyMillis(50), r.latencyMillis(90), r.latencyMillis(99), OptionalDouble.of(r.latencyMillis(99.9)),
                r.maxLatencyMillis(), usage.cpuSeconds(), usage.cores(), perCpuSecond(r.responses(), usage),
                usage.peakRssBytes() / MIB, usage.peakThreads(), usage.peakFds(), sampler.generatorCpu().toNanos() / 1e9,
                syscalls);
    }

    static double perCpuSecond(long responses, ProcessUsage usage) {
        return usage.cpuSeconds() > 0 ? responses / usage.cpuSeconds() : 0;
    }

    static double mebibytes(long bytes) {
        return bytes / MIB;
    }

    private static List<InetAddress> loopbackRange(int first, int count) {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            try {
                addresses.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a literal address cannot be unknown", e);
            }
        }
        return List.copyOf(addresses);
    }
}
