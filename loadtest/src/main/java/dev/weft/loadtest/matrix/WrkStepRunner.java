package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk -t1 --latency} against the engine's {@code GET /hello} — keep-alive, or
 * pipelined through a Lua script that sends 16 requests per write — as the independent
 * cross-check of the Java generator, sampling the server over wrk's run.
 */
final class WrkStepRunner {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|90|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s)\\s*$");
    private static final Pattern LATENCY = Pattern.compile("^\\s*Latency\\s+\\S+\\s+\\S+\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private WrkStepRunner() {
    }

    static StepResult run(Step step, EngineProcess engine, Path wrk, SyscallCounter.Probe probe)
            throws InterruptedException {
        int depth = step.variant() instanceof Variant.Pipeline pipeline ? pipeline.depth() : 1;
        long seconds = Math.max(1, Math.round(step.measure().toMillis() / 1_000.0));
        Path script = null;
        try {
            List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t1", "-c" + step.connections(),
                    "-d" + seconds + "s", "--latency"));
            if (depth > 1) {
                script = pipelineScript(depth);
                command.addAll(List.of("-s", script.toString()));
            }
            int port = engine.port(Service.HTTP).orElseThrow(() -> new IOException("the engine announced no HTTP port"));
            command.add("http://127.0.0.1:" + port + "/hello");
            InstrumentRun run = InstrumentRun.of(command, Duration.ofSeconds(seconds), engine, probe);
            return parse(step, run.output(), run.usage(), run.syscalls());
        } catch (IOException | RuntimeException e) {
            return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                    "wrk failed: " + e.getMessage());
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** A wrk Lua script sending {@code depth} {@code GET /hello} requests in each write. */
    private static Path pipelineScript(int depth) throws IOException {
        Path script = Files.createTempFile("weft-wrk-pipeline", ".lua");
        Files.writeString(script, """
                init = function(args)
                  local r = {}
                  for i = 1, %d do r[i] = wrk.format(nil, "/hello") end
                  req = table.concat(r)
                end
                request = function() return req end
                """.formatted(depth));
        return script;
    }

    /** Builds the row from wrk's output. */
    static LoadRow parse(Step step, String output, ProcessUsage usage, SyscallCounts syscalls) {
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double p99 = Double.NaN;
        double max = 0;
        long requests = 0;
        double rate = 0;
        long errors = 0;
        long timeouts = 0;
        for (String line : output.split("\n")) {
            Matcher m;
            if ((m = PERCENTILE.matcher(line)).find()) {
                double ms = millis(m.group(2), m.group(3));
                switch (m.group(1)) {
                    case "50" -> p50 = ms;
                    case "90" -> p90 = ms;
                    default -> p99 = ms;
                }
            } else if ((m = LATENCY.matcher(line)).find()) {
                max = millis(m.group(1), m.group(2));
            } else if ((m = REQUESTS.matcher(line)).find()) {
                requests = Long.parseLong(m.group(1));
            } else if ((m = RATE.matcher(line)).find()) {
                rate = Double.parseDouble(m.group(1));
            } else if ((m = SOCKET_ERRORS.matcher(line)).find()) {
                errors += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
                timeouts += Long.parseLong(m.group(4));
            } else if ((m = NON_2XX.matcher(line)).find()) {
                errors += Long.parseLong(m.group(1));
            }
        }
        if (rate == 0) {
            throw new IllegalStateException("no Requests/sec in wrk output: " + output.strip());
        }
        String protocol = step.variant() instanceof Variant.Pipeline p && p.depth() > 1 ? "http-pipelined-" + p.depth() : "http";
        return new LoadRow(step.engine().label(), step.scenario().label(), protocol, "wrk", step.connections(),
                OptionalInt.empty(), requests, rate, errors, timeouts, p50, p90, p99, OptionalDouble.empty(), max,
                usage.cpuSeconds(), usage.cores(), StepRunner.perCpuSecond(requests, usage),
                StepRunner.mebibytes(usage.peakRssBytes()), usage.peakThreads(), usage.peakFds(), 0, syscalls);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1_000;
            case "s" -> v * 1_000;
            default -> v;
        };
    }
}
