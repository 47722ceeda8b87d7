package dev.weft.loadtest.generator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link LoadSpec}: starts one virtual thread per client, lets them all connect,
 * starts the clock, warms up, measures, and stops every client before returning. No client
 * outlives {@link #run}: one still blocked after the end plus the request timeout has its
 * socket closed and is interrupted.
 */
public final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    /** How long all clients together may take to connect before the clock starts anyway. */
    private static final Duration CONNECT_PHASE_LIMIT = Duration.ofSeconds(60);
    private static final Duration STRAGGLER_GRACE = Duration.ofSeconds(2);

    private LoadGenerator() {
    }

    /** Runs the step without a listener. */
    public static LoadResult run(LoadSpec spec) throws InterruptedException {
        return run(spec, MeasurementListener.NONE);
    }

    /**
     * Runs the step.
     *
     * @param spec     what to run
     * @param listener told when the measurement window opens and closes
     * @return the counts and latencies of the measurement window
     */
    public static LoadResult run(LoadSpec spec, MeasurementListener listener) throws InterruptedException {
        Tally tally = new Tally();
        CountDownLatch connected = new CountDownLatch(spec.connections());
        CountDownLatch go = new CountDownLatch(1);
        List<ClientLoop> clients = new ArrayList<>(spec.connections());
        List<Thread> threads = new ArrayList<>(spec.connections());
        Thread.Builder builder = Thread.ofVirtual().name("load-client-", 0);
        for (int i = 0; i < spec.connections(); i++) {
            ClientLoop client = new ClientLoop(spec, i, connected, go, tally);
            clients.add(client);
            threads.add(builder.start(client));
        }
        try {
            if (!connected.await(CONNECT_PHASE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} of {} clients still connecting after {}; starting anyway",
                        connected.getCount(), spec.connections(), CONNECT_PHASE_LIMIT);
            }
            long start = System.nanoTime();
            long measureStart = start + spec.warmup().toNanos();
            long end = measureStart + spec.measure().toNanos();
            tally.open(new Tally.Window(start, measureStart, end));
            go.countDown();
            parkUntil(measureStart);
            listener.started();
            parkUntil(end);
            listener.ended();
            awaitAll(threads, end + spec.requestTimeout().toNanos() + STRAGGLER_GRACE.toNanos());
        } finally {
            stopStragglers(clients, threads);
        }
        return tally.result();
    }

    private static void parkUntil(long deadline) throws InterruptedException {
        for (long wait; (wait = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("load step interrupted");
            }
        }
    }

    private static boolean awaitAll(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread thread : threads) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0 || !thread.join(Duration.ofNanos(wait))) {
                return false;
            }
        }
        return true;
    }

    private static void stopStragglers(List<ClientLoop> clients, List<Thread> threads) throws InterruptedException {
        List<Thread> alive = threads.stream().filter(Thread::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        log.debug("stopping {} clients still blocked after the step", alive.size());
        clients.forEach(ClientLoop::closeSocket);
        alive.forEach(Thread::interrupt);
        if (!awaitAll(alive, System.nanoTime() + STRAGGLER_GRACE.toNanos())) {
            log.warn("{} load clients did not stop", alive.stream().filter(Thread::isAlive).count());
        }
    }
}
