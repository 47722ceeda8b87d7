package dev.weft.core.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of messages waiting to be written to one client, drained by a short-lived
 * thread that exists only while there is something to write (so an idle client costs no thread
 * for it).
 *
 * <p>The bound is in bytes. A message that would push the queue over it is refused, and the
 * caller disconnects the client: a peer that cannot keep up must not make the server buffer
 * without limit, nor make a broadcasting sender wait.
 */
final class OutboundQueue {

    /** What {@link #offer} did with a message. */
    enum Offer { QUEUED, OVERFLOW, CLOSED }

    /** Writes one message to the peer; {@code last} says whether the queue is now empty. */
    interface Sink {
        void write(byte[] message, boolean last) throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final ArrayDeque<byte[]> messages = new ArrayDeque<>();
    private final int maxBytes;
    private long queuedBytes;
    private boolean draining;
    private boolean closed;

    OutboundQueue(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Queues {@code message}. When this returns {@link Offer#QUEUED} and no drainer is running,
     * {@code startDrainer} has been called, outside the lock.
     */
    Offer offer(byte[] message, Runnable startDrainer) {
        boolean start;
        lock.lock();
        try {
            if (closed) {
                return Offer.CLOSED;
            }
            if (!messages.isEmpty() && queuedBytes + message.length > maxBytes) {
                closed = true;
                messages.clear();
                queuedBytes = 0;
                return Offer.OVERFLOW;
            }
            messages.add(message);
            queuedBytes += message.length;
            start = !draining;
            draining = true;
        } finally {
            lock.unlock();
        }
        if (start) {
            startDrainer.run();
        }
        return Offer.QUEUED;
    }

    /** Runs on the drainer thread: writes messages until the queue is empty, then returns. */
    void drain(Sink sink) throws IOException {
        while (true) {
            byte[] next;
            boolean last;
            lock.lock();
            try {
                next = messages.poll();
                if (next == null) {
                    draining = false;
                    drained.signalAll();
                    return;
                }
                queuedBytes -= next.length;
                last = messages.isEmpty();
            } finally {
                lock.unlock();
            }
            sink.write(next, last);
        }
    }

    /**
     * Waits until every queued message has been written, the queue is closed, or the deadline
     * passes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} deadline
     * @return whether the queue was drained (or closed) in time
     */
    boolean awaitDrained(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (draining && !closed) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                drained.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further messages and drops those waiting. */
    void close() {
        lock.lock();
        try {
            closed = true;
            draining = false;
            messages.clear();
            queuedBytes = 0;
            drained.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
