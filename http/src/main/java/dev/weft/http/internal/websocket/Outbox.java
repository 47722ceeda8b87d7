package dev.weft.http.internal.websocket;

import dev.weft.http.websocket.CloseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outgoing side of one session: a queue of messages bounded in bytes, drained by one
 * writer thread that alone writes the connection and exists only while there is something to
 * write (so an idle session costs no thread for it). Any thread may queue; nobody holds the
 * lock while writing, so a sender never waits for the network.
 *
 * <p>Order: pending pongs, then a pending keep-alive ping, go before data (control frames may
 * come between the fragments of a message); data leaves in the order queued; a streamed
 * message keeps its place until it ends; the close frame goes after the data queued before it,
 * or at once, dropping that data, when the session is failing. Nothing follows the close frame.
 * Every ping is answered, but at most {@value #MAX_PENDING_PONGS} pongs wait: beyond that the
 * oldest is dropped (RFC 6455 section 5.5.3 allows answering only the latest), so a peer that
 * floods pings without reading cannot grow the queue.
 *
 * <p>Bound: a message that would take the queue past {@code maxBytes} is refused with
 * {@link Offer#OVERFLOW} (unless the queue is empty: any one message fits), and the caller fails
 * the session. A streamed message's writer waits for room instead.
 */
final class Outbox {

    /** What {@link #offer} did with a message. */
    enum Offer { QUEUED, OVERFLOW, CLOSED }

    /** What the writer thread reports to the session. */
    interface Events {
        /** The close frame has been written. */
        void closeWritten(CloseStatus status);

        /** A write failed: the connection is unusable. */
        void writeFailed(IOException e);

        /** The writer failed unexpectedly (a bug): the connection is unusable. */
        void writerFailed(RuntimeException e);
    }

    /** The most pongs waiting to be written. */
    static final int MAX_PENDING_PONGS = 16;

    private static final byte[] NO_PAYLOAD = new byte[0];

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Object> data = new ArrayDeque<>();
    private final int maxBytes;
    private final FrameWriter writer;
    private final MessageDeflater deflater;
    private final Events events;
    private final Runnable startWriter;
    private long queuedBytes;
    private final ArrayDeque<byte[]> pongs = new ArrayDeque<>();
    private boolean ping;
    private CloseStatus close;
    private boolean closeUrgent;
    private boolean finished;
    private boolean writing;
    private boolean released;
    private boolean releaseWhenIdle;

    /**
     * @param maxBytes    the bound of the queue, in payload bytes
     * @param writer      encodes and writes frames
     * @param deflater    the writer's compressor, released with the outbox; null when none
     * @param events      the session
     * @param startWriter starts a thread that calls {@link #drain()}
     */
    Outbox(int maxBytes, FrameWriter writer, MessageDeflater deflater, Events events, Runnable startWriter) {
        this.maxBytes = maxBytes;
        this.writer = writer;
        this.deflater = deflater;
        this.events = events;
        this.startWriter = startWriter;
    }

    /** Queues a whole text or binary message. */
    Offer offer(Opcode opcode, byte[] payload) {
        boolean start;
        lock.lock();
        try {
            if (close != null || finished) {
                return Offer.CLOSED;
            }
            if (queuedBytes > 0 && queuedBytes + payload.length > maxBytes) {
                return Offer.OVERFLOW;
            }
            data.add(new Data(opcode, payload));
            queuedBytes += payload.length;
            start = claimWriter();
        } finally {
            lock.unlock();
        }
        startIf(start);
        return Offer.QUEUED;
    }

    /** Reserves the place of a streamed message in the queue; null when the session is closing. */
    Stream openStream(Opcode opcode) {
        lock.lock();
        try {
            if (close != null || finished) {
                return null;
            }
            Stream stream = new Stream(opcode);
            data.add(stream);
            return stream;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues the next piece of a streamed message, waiting while the queue is full.
     *
     * @throws PeerClosedException when the session closes first
     */
    void offer(Stream stream, byte[] chunk, boolean last) throws IOException {
        boolean start;
        lock.lock();
        try {
            while (!finished && queuedBytes > 0 && queuedBytes + chunk.length > maxBytes) {
                room.awaitUninterruptibly();
            }
            if (finished) {
                throw new PeerClosedException("the session closed while a message was being sent");
            }
            stream.chunks.add(chunk);
            stream.ended = last;
            queuedBytes += chunk.length;
            start = claimWriter();
        } finally {
            lock.unlock();
        }
        startIf(start);
    }

    /** Queues a pong for {@code payload}; the oldest waiting pong is dropped when too many wait. */
    void pong(byte[] payload) {
        boolean start;
        lock.lock();
        try {
            if (close != null || finished) {
                return;
            }
            if (pongs.size() == MAX_PENDING_PONGS) {
                pongs.poll();
            }
            pongs.add(payload);
            start = claimWriter();
        } finally {
            lock.unlock();
        }
        startIf(start);
    }

    /** Queues a keep-alive ping, unless one is waiting already. */
    void ping() {
        boolean start;
        lock.lock();
        try {
            if (close != null || finished) {
                return;
            }
            ping = true;
            start = claimWriter();
        } finally {
            lock.unlock();
        }
        startIf(start);
    }

    /**
     * Queues the close frame: after the data queued so far, or, when {@code urgent}, at once,
     * dropping that data. No message is accepted afterwards.
     *
     * @return false if a close frame was queued already (this one is dropped)
     */
    boolean close(CloseStatus status, boolean urgent) {
        boolean start;
        lock.lock();
        try {
            if (close != null || finished) {
                return false;
            }
            close = status;
            closeUrgent = urgent;
            if (urgent) {
                dropData();
            }
            start = claimWriter();
        } finally {
            lock.unlock();
        }
        startIf(start);
        return true;
    }

    /** The connection is gone: drops everything and wakes waiting stream writers. */
    void abort() {
        lock.lock();
        try {
            finished = true;
            pongs.clear();
            ping = false;
            dropData();
        } finally {
            lock.unlock();
        }
    }

    /** Releases the compressor once no writer thread uses it (at once, or when the writer ends). */
    void release() {
        lock.lock();
        try {
            if (writing) {
                releaseWhenIdle = true;
                return;
            }
        } finally {
            lock.unlock();
        }
        releaseCompressor();
    }

    /** Under the lock: whether the caller must start the writer thread (marked as running). */
    private boolean claimWriter() {
        if (writing) {
            return false;
        }
        writing = true;
        return true;
    }

    private void startIf(boolean start) {
        if (start) {
            startWriter.run();
        }
    }

    /** Runs on the writer thread: writes until nothing is left to write, then returns. */
    void drain() {
        try {
            Object next;
            while ((next = poll()) != null) {
                write(next);
            }
        } catch (IOException e) {
            abort();
            stopWriting();
            events.writeFailed(e);
        } catch (RuntimeException e) {
            abort();
            stopWriting();
            events.writerFailed(e);
        }
    }

    private void write(Object next) throws IOException {
        switch (next) {
            case Data d -> writer.message(d.opcode(), d.payload());
            case Fragment f -> writer.fragment(f.opcode(), f.chunk(), f.last());
            case Control c -> writer.control(c.opcode(), c.payload());
            case CloseStatus status -> {
                writer.control(Opcode.CLOSE, closePayload(status));
                events.closeWritten(status);
            }
            default -> throw new IllegalStateException("unknown outbox entry " + next);
        }
    }

    /** The next thing to write, or null after marking the writer stopped (in the same lock). */
    private Object poll() {
        lock.lock();
        try {
            Object next = finished ? null : pollUnderLock();
            if (next != null) {
                return next;
            }
            writing = false;
        } finally {
            lock.unlock();
        }
        releaseIfAsked();
        return null;
    }

    private Object pollUnderLock() {
        byte[] pong = pongs.poll();
        if (pong != null) {
            return new Control(Opcode.PONG, pong);
        }
        if (ping) {
            ping = false;
            return new Control(Opcode.PING, NO_PAYLOAD);
        }
        if (close != null && closeUrgent) {
            return pollClose();
        }
        Object head = data.peek();
        if (head instanceof Data d) {
            data.poll();
            taken(d.payload().length);
            return d;
        }
        if (head instanceof Stream s && !s.chunks.isEmpty()) {
            byte[] chunk = s.chunks.poll();
            taken(chunk.length);
            boolean last = s.ended && s.chunks.isEmpty();
            Opcode opcode = s.started ? Opcode.CONTINUATION : s.opcode;
            s.started = true;
            if (last) {
                data.poll();
            }
            return new Fragment(opcode, chunk, last);
        }
        if (close != null) {
            return pollClose();
        }
        return null;
    }

    private CloseStatus pollClose() {
        finished = true;
        dropData();
        return close;
    }

    private void taken(int bytes) {
        queuedBytes -= bytes;
        room.signalAll();
    }

    private void dropData() {
        data.clear();
        queuedBytes = 0;
        room.signalAll();
    }

    private void stopWriting() {
        lock.lock();
        try {
            writing = false;
        } finally {
            lock.unlock();
        }
        releaseIfAsked();
    }

    /** Releases the compressor if {@link #release()} asked while a writer ran, and none runs now. */
    private void releaseIfAsked() {
        lock.lock();
        try {
            if (!releaseWhenIdle || writing) {
                return;
            }
        } finally {
            lock.unlock();
        }
        releaseCompressor();
    }

    private void releaseCompressor() {
        lock.lock();
        try {
            if (released) {
                return;
            }
            released = true;
        } finally {
            lock.unlock();
        }
        if (deflater != null) {
            deflater.release();
        }
    }

    /** The payload of a close frame with {@code status}: none for 1005, else code and reason. */
    static byte[] closePayload(CloseStatus status) {
        if (status.code() == CloseStatus.NO_STATUS_1005.code()) {
            return NO_PAYLOAD;
        }
        byte[] reason = status.reason().getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (status.code() >>> 8);
        payload[1] = (byte) status.code();
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return payload;
    }

    /** A streamed message's place in the queue and its pieces not written yet. */
    static final class Stream {
        private final Opcode opcode;
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private boolean ended;
        private boolean started;

        private Stream(Opcode opcode) {
            this.opcode = opcode;
        }
    }

    private record Data(Opcode opcode, byte[] payload) {
    }

    private record Fragment(Opcode opcode, byte[] chunk, boolean last) {
    }

    private record Control(Opcode opcode, byte[] payload) {
    }
}
