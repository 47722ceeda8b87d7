package dev.weft.loadtest.matrix;

import dev.weft.loadtest.generator.MeasurementListener;
import dev.weft.loadtest.sampler.ProcSampler;
import dev.weft.loadtest.sampler.ProcSnapshot;
import dev.weft.loadtest.sampler.ProcessUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Samples the server process from {@code /proc}, and this (the generator's) process's CPU,
 * over exactly the measurement window the generator reports.
 */
final class WindowSampler implements MeasurementListener {

    private static final Duration PERIOD = Duration.ofMillis(200);

    private final long serverPid;
    private ProcSampler sampler;
    private ProcSnapshot generatorAtStart;
    private ProcessUsage server;
    private Duration generatorCpu = Duration.ZERO;

    WindowSampler(long serverPid) {
        this.serverPid = serverPid;
    }

    @Override
    public void started() {
        try {
            generatorAtStart = ProcSnapshot.read(ProcessHandle.current().pid());
            sampler = new ProcSampler(serverPid, PERIOD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sample process " + serverPid, e);
        }
    }

    @Override
    public void ended() {
        try {
            server = sampler.stop();
            generatorCpu = ProcSnapshot.read(ProcessHandle.current().pid()).cpu().minus(generatorAtStart.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sample process " + serverPid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's usage over the window, once it has ended. */
    Optional<ProcessUsage> server() {
        return Optional.ofNullable(server);
    }

    /** The generator's CPU time over the window. */
    Duration generatorCpu() {
        return generatorCpu;
    }
}
