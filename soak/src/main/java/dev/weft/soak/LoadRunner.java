package dev.weft.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs the load: for each kind, a few {@link Workload}s, each on its own virtual thread, doing one
 * exchange after another with a pause in between — a moderate, steady rate, not a benchmark.
 * {@link #stop()} lets every exchange in flight finish (each is bounded by its timeout), so the
 * end of the run never counts as a failure.
 */
final class LoadRunner {

    private final Duration pause;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Tally> tallies = new ArrayList<>();

    LoadRunner(Duration pause) {
        this.pause = pause;
    }

    /** Starts {@code workers} clients of one kind, made by {@code workload} from their index. */
    void start(String kind, int workers, IntFunction<Workload> workload) {
        Tally tally = new Tally(kind);
        tallies.add(tally);
        for (int i = 0; i < workers; i++) {
            Workload client = workload.apply(i);
            threads.add(Thread.ofVirtual().name("soak-" + kind + "-" + i).start(() -> drive(client, tally)));
        }
    }

    private void drive(Workload client, Tally tally) {
        try (client) {
            for (long sequence = 0; !stopping.await(pause.toNanos(), TimeUnit.NANOSECONDS); sequence++) {
                try {
                    client.exchange(sequence);
                    tally.success();
                } catch (Exception e) {
                    tally.failure(e);
                    client.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tallies, one per kind, in the order started. */
    List<Tally> tallies() {
        return List.copyOf(tallies);
    }

    /**
     * Stops the load after the exchanges in flight.
     *
     * @return whether every client stopped within {@code deadline}
     */
    boolean stop(Duration deadline) throws InterruptedException {
        stopping.countDown();
        long end = System.nanoTime() + deadline.toNanos();
        for (Thread thread : threads) {
            if (!thread.join(Duration.ofNanos(Math.max(0, end - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }
}
