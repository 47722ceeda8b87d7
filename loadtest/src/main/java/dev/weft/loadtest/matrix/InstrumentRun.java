package dev.weft.loadtest.matrix;

import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external instrument ({@code wrk}, {@code h2load}) against an engine, with the
 * server sampled — {@code /proc} and system calls — over exactly the instrument's run.
 *
 * @param output   what the instrument printed (standard output and error)
 * @param usage    the server's CPU, memory, threads and descriptors over the run
 * @param syscalls the server's system calls over the run
 */
record InstrumentRun(String output, ProcessUsage usage, SyscallCounts syscalls) {

    /** How long an instrument may run past its own duration before it is killed. */
    private static final Duration OVERRUN = Duration.ofSeconds(30);

    /**
     * Runs {@code command}, expected to take {@code duration}.
     *
     * @throws IOException when it cannot be started or sampled
     */
    static InstrumentRun of(List<String> command, Duration duration, EngineProcess engine, SyscallCounter.Probe probe)
            throws IOException, InterruptedException {
        try (WindowSampler sampler = new WindowSampler(engine.pid(), probe)) {
            sampler.started();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(duration.plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IOException(command.get(0) + " ran " + OVERRUN.toSeconds() + " s past its duration");
                }
            } finally {
                process.destroyForcibly();
                sampler.ended();
            }
            ProcessUsage usage = sampler.server().orElseThrow(() -> new IllegalStateException("no server sample"));
            return new InstrumentRun(output, usage, sampler.syscalls());
        }
    }
}
