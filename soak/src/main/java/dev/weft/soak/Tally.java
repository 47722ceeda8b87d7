package dev.weft.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** The exchanges of one kind of load: how many succeeded and failed, and the first failures. */
public final class Tally {

    private static final int FAILURES_KEPT = 10;

    private final String name;
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> firstFailures = new ArrayList<>();

    /** @param name the kind of load, as reported */
    public Tally(String name) {
        this.name = name;
    }

    /** The kind of load. */
    public String name() {
        return name;
    }

    void success() {
        succeeded.increment();
    }

    void failure(Exception e) {
        failed.increment();
        lock.lock();
        try {
            if (firstFailures.size() < FAILURES_KEPT) {
                firstFailures.add(e.toString());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Exchanges that got their complete, correct answer. */
    public long succeeded() {
        return succeeded.sum();
    }

    /** Exchanges that failed: an error, a wrong answer or none within the timeout. */
    public long failed() {
        return failed.sum();
    }

    /** The first few failures, described. */
    public List<String> firstFailures() {
        lock.lock();
        try {
            return List.copyOf(firstFailures);
        } finally {
            lock.unlock();
        }
    }
}
