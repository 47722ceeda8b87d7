package dev.weft.core.internal;

import java.util.ArrayDeque;
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
        void write(byte[] message, boolean last) throws java.io.IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
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
    void drain(Sink sink) throws java.io.IOException {
        while (true) {
            byte[] next;
            boolean last;
            lock.lock();
            try {
                next = messages.poll();
                if (next == null) {
                    draining = false;
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

    /** Refuses further messages and drops those waiting. */
    void close() {
        lock.lock();
        try {
            closed = true;
            draining = false;
            messages.clear();
            queuedBytes = 0;
        } finally {
            lock.unlock();
        }
    }
}
