package dev.weft.http.internal.h2;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who writes a connection's socket, one at a time, and the connection's clock.
 *
 * <p><b>Why a queue.</b> Every frame is first queued, encoded, under the connection lock. The
 * frame reader (acknowledgements, window updates, resets, {@code GOAWAY}) only queues and wakes
 * the writer thread: it never touches the socket, so it never blocks on a peer that does not
 * read and goes on reading — and a peer that stops reading while it keeps sending piles up
 * answers, which are counted and bounded ({@code ENHANCE_YOUR_CALM}). A stream thread queues its
 * response frames and then, if no one is writing, writes what is queued itself
 * ({@link #writeInline()}): a response leaves without a hand-off, and while one thread writes,
 * frames queued by others wait for it or for the writer thread. Whoever writes takes everything
 * queued, copies it into one batch (sized to what is queued, at most 64 KiB, dropped while the
 * connection is quiet) under the lock, and writes the batch without the lock, so many small
 * frames of many streams cost one system call. A stream has at most two frames queued before
 * its thread waits, so the queue holds at most two frames per stream plus bounded control
 * frames. Control frames go first; stream frames keep their order (HPACK blocks must reach the
 * peer in the order they were encoded, and a stream's {@code RST_STREAM} must follow its last
 * frame). DATA frames of a stream reset before they were written are dropped, their bytes given
 * back to the connection window.
 *
 * <p><b>Clock.</b> Waiting for work, the writer thread sleeps until the connection's next
 * deadline ({@code SETTINGS} acknowledgement, idle, end of the shutdown grace) and then reports
 * it, so the engine needs no timer and its reads need no timeout.
 */
final class FrameWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);
    private static final int BATCH_BYTES = 64 * 1024;
    private static final byte[] NO_BATCH = new byte[0];

    /** What the writer tells the connection; called with the lock held. */
    interface Events {
        /** The next deadline ({@link System#nanoTime()} scale), or {@code Long.MAX_VALUE}. */
        long nextDeadline();

        /** A deadline passed. */
        void deadlinePassed(long nowNanos);

        /** A frame of {@code stream} was written. */
        void written(Http2Stream stream);

        /** A DATA frame of a reset stream, of {@code payloadBytes}, was dropped unwritten. */
        void dropped(Http2Stream stream, int payloadBytes);
    }

    /** A queued stream frame; {@code dataBytes} is the DATA payload length, 0 for other frames. */
    private record Queued(Http2Stream stream, byte[] bytes, int dataBytes) {
    }

    private final ReentrantLock lock;
    private final Condition work;
    private final Wire wire;
    private final Events events;
    private final String name;
    private final ArrayDeque<byte[]> control = new ArrayDeque<>();
    private final ArrayDeque<Queued> ordered = new ArrayDeque<>();
    /** The write buffer: sized to what is queued, up to 64 KiB, and dropped while idle. */
    private byte[] batch = NO_BATCH;
    /** The bytes of all queued frames. */
    private long queuedBytes;
    private boolean closing;
    private boolean finished;
    /** Whether a thread (the writer, or a stream thread writing inline) holds the batch and the wire. */
    private boolean writing;

    FrameWriter(ReentrantLock lock, Wire wire, Events events, String name) {
        this.lock = lock;
        this.work = lock.newCondition();
        this.wire = wire;
        this.events = events;
        this.name = name;
    }

    /** Queues a connection-level frame ahead of stream frames; lock held. */
    void control(byte[] frame) {
        control.add(frame);
        queuedBytes += frame.length;
        work.signal();
    }

    /** How many control frames wait to be written; lock held. */
    int queuedControlFrames() {
        return control.size();
    }

    /**
     * Queues a frame of {@code stream} after the stream frames before it; lock held. Nobody is
     * woken: the caller writes it with {@link #writeInline()} or wakes the writer.
     */
    void stream(Http2Stream stream, byte[] frame, int dataBytes) {
        stream.queuedFrames++;
        ordered.add(new Queued(stream, frame, dataBytes));
        queuedBytes += frame.length;
    }

    /** Asks the writer to write what is queued, then close the wire; lock held. */
    void closeAfterFlush() {
        closing = true;
        work.signal();
    }

    /** Wakes the writer to recompute its deadline; lock held. */
    void wake() {
        work.signal();
    }

    /** Whether the writer has ended; lock held. */
    boolean finished() {
        return finished;
    }

    /**
     * Writes what is queued on the calling stream thread, unless another thread is writing (it
     * will take these frames too): a response then leaves without a hand-off to the writer
     * thread. Lock held once; released during the write.
     *
     * @throws IOException when the write fails; the connection is then closing
     */
    void writeInline() throws IOException {
        if (writing || closing || (control.isEmpty() && ordered.isEmpty())) {
            return;
        }
        writing = true;
        try {
            int length = fillBatch();
            byte[] out = batch;
            lock.unlock();
            try {
                if (length > 0) {
                    wire.write(out, 0, length);
                }
            } finally {
                lock.lock();
            }
        } catch (IOException e) {
            closing = true;
            wire.close();
            throw e;
        } finally {
            writing = false;
            if (closing || !control.isEmpty() || !ordered.isEmpty()) {
                work.signal();
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                int length;
                byte[] out;
                boolean closeNow;
                lock.lock();
                try {
                    awaitWork();
                    writing = true;
                    length = fillBatch();
                    out = batch;
                    closeNow = closing && control.isEmpty() && ordered.isEmpty();
                } finally {
                    lock.unlock();
                }
                try {
                    if (length > 0) {
                        wire.write(out, 0, length);
                    }
                } finally {
                    lock.lock();
                    writing = false;
                    lock.unlock();
                }
                if (closeNow) {
                    return;
                }
            }
        } catch (IOException e) {
            log.debug("{} write failed: {}", name, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
            try {
                finished = true;
                closing = true;
            } finally {
                lock.unlock();
            }
            wire.close();
        }
    }

    /** Waits until there is something to write and no one else writing, or closing; lock held. */
    private void awaitWork() throws InterruptedException {
        if (control.isEmpty() && ordered.isEmpty() && !writing) {
            batch = NO_BATCH;
        }
        while ((writing || (control.isEmpty() && ordered.isEmpty())) && !closing) {
            long now = System.nanoTime();
            long deadline = events.nextDeadline();
            if (deadline != Long.MAX_VALUE && deadline - now <= 0) {
                events.deadlinePassed(now);
                continue;
            }
            if (deadline == Long.MAX_VALUE) {
                work.await();
            } else {
                work.await(deadline - now, TimeUnit.NANOSECONDS);
            }
        }
        while (writing) {
            work.await();
        }
    }

    /** Copies queued frames into the batch; a frame bigger than the batch goes alone. */
    private int fillBatch() throws IOException {
        int wanted = (int) Math.min(BATCH_BYTES, queuedBytes);
        if (batch.length < wanted) {
            batch = new byte[Math.max(wanted, 1024)];
        }
        int length = 0;
        while (!control.isEmpty()) {
            byte[] frame = control.peek();
            if (length + frame.length > batch.length) {
                if (length > 0) {
                    return length;
                }
                control.poll();
                queuedBytes -= frame.length;
                writeLarge(frame);
                continue;
            }
            control.poll();
            queuedBytes -= frame.length;
            System.arraycopy(frame, 0, batch, length, frame.length);
            length += frame.length;
        }
        while (!ordered.isEmpty()) {
            Queued next = ordered.peek();
            if (next.dataBytes() > 0 && next.stream().reset != null) {
                ordered.poll();
                queuedBytes -= next.bytes().length;
                next.stream().queuedFrames--;
                events.dropped(next.stream(), next.dataBytes());
                continue;
            }
            if (length + next.bytes().length > batch.length) {
                if (length > 0) {
                    return length;
                }
                ordered.poll();
                queuedBytes -= next.bytes().length;
                writeLarge(next.bytes());
                next.stream().queuedFrames--;
                events.written(next.stream());
                continue;
            }
            ordered.poll();
            queuedBytes -= next.bytes().length;
            System.arraycopy(next.bytes(), 0, batch, length, next.bytes().length);
            length += next.bytes().length;
            next.stream().queuedFrames--;
            events.written(next.stream());
        }
        return length;
    }

    /** Writes a frame bigger than the batch; lock held, so it is released around the write. */
    private void writeLarge(byte[] frame) throws IOException {
        lock.unlock();
        try {
            wire.write(frame, 0, frame.length);
        } finally {
            lock.lock();
        }
    }
}
