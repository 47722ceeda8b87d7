package dev.weft.loadtest.sampler;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples one process every {@code period} between {@link #start()} and {@link #stop()},
 * keeping the CPU time consumed and the peaks of memory, threads and descriptors. The sampling
 * runs on one virtual thread.
 */
public final class ProcSampler {

    private static final Logger log = LoggerFactory.getLogger(ProcSampler.class);

    private final long pid;
    private final Duration period;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private ProcSnapshot first;
    private long startNanos;
    private volatile long peakRss;
    private volatile int peakThreads;
    private volatile int peakFds;
    private Thread thread;

    /** A sampler of process {@code pid}. */
    public ProcSampler(long pid, Duration period) {
        this.pid = pid;
        this.period = period;
    }

    /** Takes the first reading and starts sampling. */
    public ProcSampler start() throws IOException {
        first = ProcSnapshot.read(pid);
        startNanos = System.nanoTime();
        note(first);
        thread = Thread.ofVirtual().name("proc-sampler-" + pid).start(this::sample);
        return this;
    }

    private void sample() {
        try {
            while (!stopRequested.await(period.toNanos(), TimeUnit.NANOSECONDS)) {
                note(ProcSnapshot.read(pid));
            }
        } catch (IOException e) {
            log.debug("sampling {} stopped: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void note(ProcSnapshot snapshot) {
        peakRss = Math.max(peakRss, snapshot.rssBytes());
        peakThreads = Math.max(peakThreads, snapshot.threads());
        peakFds = Math.max(peakFds, snapshot.fds());
    }

    /** Takes the last reading, stops sampling and returns the window's usage. */
    public ProcessUsage stop() throws IOException, InterruptedException {
        ProcSnapshot last = ProcSnapshot.read(pid);
        long wall = System.nanoTime() - startNanos;
        stopRequested.countDown();
        thread.join();
        note(last);
        return new ProcessUsage(last.cpu().minus(first.cpu()), Duration.ofNanos(wall), peakRss, peakThreads, peakFds);
    }
}
