package dev.weft.http.internal.h2;

import dev.weft.http.Http2Config;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking operations a stream's handler thread performs on its connection: reading the
 * request body (waiting for DATA, giving credit back as it reads) and sending the response
 * (HPACK-encoding header blocks in queue order, cutting bodies into DATA frames that wait for the
 * stream's and the connection's windows and for room in the writer's queue). Each wait is on the
 * stream's own condition and bounded: {@link Http2Config#streamWriteTimeout()} for sends
 * (then the stream alone is reset with {@code CANCEL}), the body read timeout for reads.
 */
final class StreamIo {

    private static final Logger log = LoggerFactory.getLogger(StreamIo.class);
    /** The largest DATA payload we send, whatever the peer allows. */
    private static final int MAX_DATA_FRAME = 16_384;
    /** The most frames a stream may have queued before its thread waits for the writer. */
    private static final int MAX_QUEUED_PER_STREAM = 2;

    private final Http2Connection c;
    private final HpackEncoder encoder = new HpackEncoder();

    StreamIo(Http2Connection connection) {
        this.c = connection;
    }

    /** The client's SETTINGS_HEADER_TABLE_SIZE, announced in the next block; lock held. */
    void peerHeaderTableSize(int value) {
        encoder.peerMaxTableSize(value);
    }

    /** Sends a header block on {@code stream}, encoded in the order it is queued. */
    void sendHeaders(Http2Stream stream, List<String> fields, boolean endStream) throws IOException {
        c.lock.lock();
        try {
            queueHeaders(stream, fields, endStream);
            c.writer.writeInline();
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * Sends a header block and then a body of known bytes, the first DATA frame queued with the
     * headers so that a small response leaves in one write.
     */
    void sendHeadersAndBody(Http2Stream stream, List<String> fields, byte[] body) throws IOException {
        c.lock.lock();
        try {
            queueHeaders(stream, fields, false);
            queueData(stream, body, 0, body.length, true);
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * Sends body bytes as DATA frames, each waiting for the stream's and the connection's
     * windows; {@code endStream} marks the last. Blocks this stream only.
     *
     * @throws IOException when the stream is reset, the connection closes, or the client keeps
     *     the window closed for {@link Http2Config#streamWriteTimeout()}
     */
    void sendData(Http2Stream stream, byte[] bytes, int offset, int length, boolean endStream) throws IOException {
        c.lock.lock();
        try {
            queueData(stream, bytes, offset, length, endStream);
        } finally {
            c.lock.unlock();
        }
    }

    private void queueHeaders(Http2Stream stream, List<String> fields, boolean endStream) throws IOException {
        awaitQueueRoom(stream);
        encoder.begin();
        for (int i = 0; i < fields.size(); i += 2) {
            encoder.field(fields.get(i), fields.get(i + 1));
        }
        c.writer.stream(stream, FrameEncoder.headerBlock(stream.id, encoder.finish(), endStream, c.peerMaxFrame), 0);
        if (endStream) {
            stream.localClosed = true;
            c.freeSlotIfEnded(stream);
        }
    }

    private void queueData(Http2Stream stream, byte[] bytes, int offset, int length, boolean endStream)
            throws IOException {
        int at = offset;
        int left = length;
        do {
            int n = awaitSendWindow(stream, left);
            byte[] frame = new byte[FrameReader.HEADER_BYTES + n];
            boolean last = endStream && n == left;
            FrameEncoder.header(frame, 0, n, Frame.DATA, last ? Frame.FLAG_END_STREAM : 0, stream.id);
            System.arraycopy(bytes, at, frame, FrameReader.HEADER_BYTES, n);
            stream.sendWindow -= n;
            c.connectionSendWindow -= n;
            c.writer.stream(stream, frame, n);
            if (last) {
                stream.localClosed = true;
                c.freeSlotIfEnded(stream);
            }
            c.writer.writeInline();
            at += n;
            left -= n;
        } while (left > 0);
    }

    /** Waits until {@code stream} may send at least one of {@code wanted} bytes (or an empty frame); lock held. */
    private int awaitSendWindow(Http2Stream stream, int wanted) throws IOException {
        long deadline = System.nanoTime() + c.config.streamWriteTimeout().toNanos();
        while (true) {
            requireWritable(stream);
            long window = Math.min(stream.sendWindow, c.connectionSendWindow);
            int n = (int) Math.max(0, Math.min(wanted, Math.min(window, Math.min(c.peerMaxFrame, MAX_DATA_FRAME))));
            if (stream.queuedFrames < MAX_QUEUED_PER_STREAM && (n > 0 || wanted == 0)) {
                return n;
            }
            awaitUntil(stream, deadline);
        }
    }

    private void awaitQueueRoom(Http2Stream stream) throws IOException {
        long deadline = System.nanoTime() + c.config.streamWriteTimeout().toNanos();
        while (true) {
            requireWritable(stream);
            if (stream.queuedFrames < MAX_QUEUED_PER_STREAM) {
                return;
            }
            awaitUntil(stream, deadline);
        }
    }

    private void requireWritable(Http2Stream stream) throws IOException {
        if (stream.reset != null) {
            throw new StreamResetException(stream, stream.reset);
        }
        if (c.closed) {
            throw new StreamResetException(stream, ErrorCode.CANCEL);
        }
    }

    /** Waits on the stream until {@code deadline}; past it, the stuck stream is reset with CANCEL. */
    private void awaitUntil(Http2Stream stream, long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            c.counters.streamWriteTimeouts.increment();
            c.counters.streamErrors.increment();
            log.debug("{} {} window closed for {}: reset", c, stream, c.config.streamWriteTimeout());
            c.reset(stream, ErrorCode.CANCEL, false);
            throw new SocketTimeoutException("the client kept the flow-control window of " + stream + " closed for "
                    + c.config.streamWriteTimeout());
        }
        try {
            stream.changed.awaitNanos(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting to send on " + stream);
        }
    }

    /**
     * Reads request body bytes of {@code stream}, waiting for DATA; gives the credit back as it
     * reads.
     *
     * @return the number of bytes read, or -1 at the end of the body
     */
    int readBody(Http2Stream stream, byte[] into, int offset, int length) throws IOException {
        c.lock.lock();
        try {
            long deadline = System.nanoTime() + c.limits.bodyReadTimeout().toNanos();
            while (stream.buffered == 0) {
                if (stream.reset != null || c.closed) {
                    throw new StreamResetException(stream, stream.reset == null ? ErrorCode.CANCEL : stream.reset);
                }
                if (stream.remoteClosed) {
                    return -1;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    c.counters.streamErrors.increment();
                    c.reset(stream, ErrorCode.CANCEL, false);
                    throw new SocketTimeoutException("no request body byte within " + c.limits.bodyReadTimeout());
                }
                try {
                    stream.changed.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted reading " + stream);
                }
            }
            int n = takeBuffered(stream, into, offset, length);
            c.returnConnectionCredit(n);
            c.returnStreamCredit(stream, n);
            return n;
        } finally {
            c.lock.unlock();
        }
    }

    private static int takeBuffered(Http2Stream stream, byte[] into, int offset, int length) {
        int copied = 0;
        while (copied < length && !stream.chunks.isEmpty()) {
            byte[] chunk = stream.chunks.peek();
            int n = Math.min(length - copied, chunk.length - stream.chunkOffset);
            System.arraycopy(chunk, stream.chunkOffset, into, offset + copied, n);
            copied += n;
            stream.chunkOffset += n;
            if (stream.chunkOffset == chunk.length) {
                stream.chunks.poll();
                stream.chunkOffset = 0;
            }
        }
        stream.buffered -= copied;
        return copied;
    }
}
