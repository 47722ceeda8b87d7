package dev.weft.loadtest.matrix;

import dev.weft.loadtest.generator.ConnectionReuse;
import dev.weft.loadtest.generator.LoadGenerator;
import dev.weft.loadtest.generator.LoadMode;
import dev.weft.loadtest.generator.LoadResult;
import dev.weft.loadtest.generator.LoadSpec;
import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.generator.UdpFanOut;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.ProcessUsage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Runs one request {@link Step} against an engine process with this JVM as the generator. */
final class StepRunner {

    /** Clients bind to these in turn, so 10,000 connections never exhaust one address's ports. */
    static final List<InetAddress> SOURCE_ADDRESSES = loopbackRange(2, 8);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Relay messages in flight at most (counted by the first receiver). */
    private static final int FAN_OUT_WINDOW = 16;
    private static final double MIB = 1_024.0 * 1_024.0;

    private StepRunner() {
    }

    /** Runs {@code step}; a step the engine cannot serve becomes a {@link SkippedRow}. */
    static StepResult run(Step step, EngineProcess engine) throws InterruptedException {
        return switch (step.scenario()) {
            case ECHO -> load(step, engine, engine.echo(), new Protocol.Echo(64), ConnectionReuse.KEEP_ALIVE);
            case CHURN -> load(step, engine, engine.echo(), new Protocol.Echo(64), ConnectionReuse.NEW_PER_ROUND_TRIP);
            case HTTP, OPEN_LOOP -> withHttp(step, engine, target -> load(step, engine, target, new Protocol.Http(1),
                    ConnectionReuse.KEEP_ALIVE));
            case PIPELINED -> withHttp(step, engine, target -> load(step, engine, target, new Protocol.Http(16),
                    ConnectionReuse.KEEP_ALIVE));
            case UDP_FANOUT -> fanOut(step, engine);
            case IDLE, WRK -> throw new IllegalArgumentException(step.scenario() + " is not a generator step");
        };
    }

    /** What to do with the engine's HTTP address. */
    interface HttpStep {
        StepResult run(InetSocketAddress target) throws InterruptedException;
    }

    /** Runs {@code action} on the engine's HTTP address, or skips when the engine has none. */
    static StepResult withHttp(Step step, EngineProcess engine, HttpStep action) throws InterruptedException {
        OptionalInt port = engine.httpPort();
        if (port.isEmpty()) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "this engine serves no HTTP");
        }
        return action.run(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getAsInt()));
    }

    private static StepResult load(Step step, EngineProcess engine, InetSocketAddress target, Protocol protocol,
                                   ConnectionReuse reuse) throws InterruptedException {
        LoadMode mode = step.rate().isPresent() ? new LoadMode.OpenLoop(step.rate().getAsInt()) : new LoadMode.ClosedLoop();
        LoadSpec spec = new LoadSpec(target, SOURCE_ADDRESSES, protocol, step.connections(), mode, reuse,
                step.warmup(), step.measure(), REQUEST_TIMEOUT);
        WindowSampler sampler = new WindowSampler(engine.pid());
        LoadResult result = LoadGenerator.run(spec, sampler);
        ProcessUsage usage = sampler.server().orElseThrow(() -> new IllegalStateException("no server sample"));
        return row(step, protocol.label(), "weft-gen", result, usage, sampler.generatorCpu());
    }

    private static StepResult fanOut(Step step, EngineProcess engine) throws InterruptedException {
        OptionalInt port = engine.udpPort();
        if (port.isEmpty()) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "this engine has no UDP relay");
        }
        UdpFanOut.Spec spec = new UdpFanOut.Spec(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getAsInt()),
                step.connections(), 64, FAN_OUT_WINDOW, step.warmup(), step.measure());
        WindowSampler sampler = new WindowSampler(engine.pid());
        try {
            LoadResult result = UdpFanOut.run(spec, sampler);
            ProcessUsage usage = sampler.server().orElseThrow(() -> new IllegalStateException("no server sample"));
            return row(step, "udp-relay-64B", "weft-gen", result, usage, sampler.generatorCpu());
        } catch (IOException e) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "fan-out failed: " + e.getMessage());
        }
    }

    private static LoadRow row(Step step, String protocol, String generator, LoadResult r, ProcessUsage usage,
                               Duration generatorCpu) {
        return new LoadRow(step.engine().label(), step.scenario().label(), protocol, generator, step.connections(),
                step.rate(), r.responses(), r.throughputPerSecond(), r.errors(), r.timeouts(),
                r.latencyMillis(50), r.latencyMillis(90), r.latencyMillis(99), OptionalDouble.of(r.latencyMillis(99.9)),
                r.maxLatencyMillis(), usage.cpuSeconds(), usage.cores(), perCpuSecond(r.responses(), usage),
                usage.peakRssBytes() / MIB, usage.peakThreads(), usage.peakFds(), generatorCpu.toNanos() / 1e9);
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
