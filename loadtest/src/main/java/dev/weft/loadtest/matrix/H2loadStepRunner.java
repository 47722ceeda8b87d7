package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code h2load} ({@code nghttp2-client}) against the engine's h2c {@code GET /hello} —
 * cleartext HTTP/2 with prior knowledge, {@code -c} connections with {@code -m} concurrent
 * streams each, timed ({@code -D}) — sampling the server over the run. h2load reports the
 * mean and extremes of request time but no percentiles, so those cells are "n/a".
 */
final class H2loadStepRunner {

    private static final Pattern FINISHED = Pattern.compile("^finished in [0-9.]+m?s, ([0-9.]+) req/s");
    private static final Pattern REQUESTS = Pattern.compile(
            "^requests: \\d+ total, \\d+ started, \\d+ done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");
    private static final Pattern REQUEST_TIME = Pattern.compile("^time for request:\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern TIME = Pattern.compile("^([0-9.]+)(us|ms|s)$");

    private H2loadStepRunner() {
    }

    static StepResult run(Step step, EngineProcess engine, Path h2load, SyscallCounter.Probe probe)
            throws InterruptedException {
        int streams = step.variant() instanceof Variant.Streams s ? s.perConnection() : 1;
        try {
            int port = engine.port(Service.H2C).orElseThrow(() -> new IOException("the engine announced no h2c port"));
            Duration duration = step.measure();
            List<String> command = List.of(h2load.toString(), "-t1", "-c" + step.connections(), "-m" + streams,
                    "-D", duration.toMillis() + "ms", "http://127.0.0.1:" + port + "/hello");
            InstrumentRun run = InstrumentRun.of(command, duration, engine, probe);
            return parse(step, run.output(), run.usage(), run.syscalls());
        } catch (IOException | RuntimeException e) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "h2load failed: " + e.getMessage());
        }
    }

    /** Builds the row from h2load's output. */
    static LoadRow parse(Step step, String output, ProcessUsage usage, SyscallCounts syscalls) {
        double rate = -1;
        long succeeded = 0;
        long errors = 0;
        long timeouts = 0;
        double max = Double.NaN;
        for (String line : output.split("\n")) {
            Matcher m;
            if ((m = FINISHED.matcher(line.trim())).find()) {
                rate = Double.parseDouble(m.group(1));
            } else if ((m = REQUESTS.matcher(line.trim())).find()) {
                succeeded = Long.parseLong(m.group(1));
                timeouts = Long.parseLong(m.group(4));
                errors = Long.parseLong(m.group(2)) - timeouts;
            } else if ((m = REQUEST_TIME.matcher(line.trim())).find()) {
                max = millis(m.group(2));
            }
        }
        if (rate < 0) {
            throw new IllegalStateException("no 'finished in' line in h2load output: " + output.strip());
        }
        int streams = step.variant() instanceof Variant.Streams s ? s.perConnection() : 1;
        return new LoadRow(step.engine().label(), step.scenario().label(), "h2c-streams-" + streams, "h2load",
                step.connections(), OptionalInt.empty(), succeeded, rate, errors, timeouts, Double.NaN, Double.NaN,
                Double.NaN, OptionalDouble.empty(), max, usage.cpuSeconds(), usage.cores(),
                StepRunner.perCpuSecond(succeeded, usage), StepRunner.mebibytes(usage.peakRssBytes()),
                usage.peakThreads(), usage.peakFds(), 0, syscalls);
    }

    private static double millis(String value) {
        Matcher m = TIME.matcher(value);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1_000;
            case "s" -> v * 1_000;
            default -> v;
        };
    }
}
