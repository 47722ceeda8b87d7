package dev.weft.loadtest.matrix;

import dev.weft.loadtest.generator.MeasurementListener;
import dev.weft.loadtest.sampler.ProcSampler;
import dev.weft.loadtest.sampler.ProcSnapshot;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounter;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Samples the server process over exactly the measurement window the generator reports: its
 * CPU, memory, threads and descriptors from {@code /proc}, its system calls by kind through
 * {@link SyscallCounter} (attached when this sampler is made, counting only inside the window),
 * and this (the generator's) process's CPU.
 */
final class WindowSampler implements MeasurementListener, AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(200);

    private final long serverPid;
    private SyscallCounter.Attachment syscalls;
    private String syscallFailure;
    private ProcSampler sampler;
    private ProcSnapshot generatorAtStart;
    private ProcessUsage server;
    private Duration generatorCpu = Duration.ZERO;

    /** A sampler of {@code serverPid}; attaches the syscall counter, counters off, at once. */
    WindowSampler(long serverPid, SyscallCounter.Probe probe) {
        this.serverPid = serverPid;
        this.syscalls = SyscallCounter.attach(probe, serverPid,
                IdleStepRunner.openFilesLimit().orElse(Long.MAX_VALUE));
    }

    @Override
    public void started() {
        try {
            generatorAtStart = ProcSnapshot.read(ProcessHandle.current().pid());
            sampler = new ProcSampler(serverPid, PERIOD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sample process " + serverPid, e);
        }
        switchCounters(true);
    }

    @Override
    public void ended() {
        switchCounters(false);
        try {
            server = sampler.stop();
            generatorCpu = ProcSnapshot.read(ProcessHandle.current().pid()).cpu().minus(generatorAtStart.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sample process " + serverPid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Switches the syscall counters on or off; a failure makes this window's counts unavailable, not the step. */
    private void switchCounters(boolean on) {
        if (syscalls instanceof SyscallCounter.Attachment.Attached attached && syscallFailure == null) {
            try {
                if (on) {
                    attached.counter().enable();
                } else {
                    attached.counter().disable();
                }
            } catch (IOException e) {
                syscallFailure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    /** The server's system calls in the window, or why they were not counted; call once, after the window. */
    SyscallCounts syscalls() throws InterruptedException {
        SyscallCounter.Attachment attachment = syscalls;
        syscalls = new SyscallCounter.Attachment.Failed("already read");
        return switch (attachment) {
            case SyscallCounter.Attachment.Failed failed -> new SyscallCounts.Unavailable(failed.reason());
            case SyscallCounter.Attachment.Attached attached -> {
                SyscallCounts counts = attached.counter().finish();
                yield syscallFailure == null ? counts : new SyscallCounts.Unavailable(syscallFailure);
            }
        };
    }

    /** Stops the syscall counter if {@link #syscalls()} was never read (a failed step). */
    @Override
    public void close() {
        if (syscalls instanceof SyscallCounter.Attachment.Attached attached) {
            attached.counter().close();
        }
    }
}
