package dev.weft.http.internal.h2;

import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;

/**
 * The state of one request stream (RFC 9113 section 5.1, server side: open, half-closed either
 * way, closed, or reset) with its flow-control windows in both directions and the request body
 * bytes received but not yet read by the handler.
 *
 * <p>Every field is guarded by the connection's lock, and {@link #changed} is a condition of that
 * lock: it is signalled when body bytes arrive, the stream ends or is reset, its send window
 * grows, or one of its queued frames is written. The handler's thread waits on it; the frame
 * reader and writer only signal.
 */
final class Http2Stream {

    /** The stream id. */
    final int id;
    /** Signalled on every change a waiting handler may care about. */
    final Condition changed;
    /** The request's declared content length, checked against the DATA received. */
    final OptionalLong declaredLength;

    /** Whether the client ended its side (END_STREAM received). */
    boolean remoteClosed;
    /** Whether the server ended its side (END_STREAM queued). */
    boolean localClosed;
    /** The code the stream was reset with, by either side, or null. */
    ErrorCode reset;
    /** Whether the client reset it (later frames on it are then STREAM_CLOSED errors). */
    boolean resetByPeer;
    /** Whether the handler's thread has ended (the slot is then free once closed). */
    boolean handlerDone;
    /** Whether the stream no longer counts against SETTINGS_MAX_CONCURRENT_STREAMS. */
    boolean slotFreed;
    /**
     * Whether the server no longer wants body bytes (the handler is done, the client has not
     * ended its side): they are dropped and their credit given back at once, so the client can
     * finish; the stream stays half-closed (local), counted as open, until it does.
     */
    boolean discarding;

    /** How many bytes we may still send (may go negative when the peer shrinks its initial window). */
    long sendWindow;
    /** How many body bytes the peer may still send on this stream. */
    int receiveWindow;
    /** Body bytes read by the handler and not yet given back to the peer with WINDOW_UPDATE. */
    int unreturnedCredit;

    /** Body bytes received, in arrival order. */
    final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    /** How much of the first chunk has been read. */
    int chunkOffset;
    /** Body bytes received and not read. */
    long buffered;
    /** Body bytes received in total. */
    long received;

    /** Frames of this stream queued for the writer and not yet written. */
    int queuedFrames;

    Http2Stream(int id, Condition changed, OptionalLong declaredLength, long sendWindow, int receiveWindow) {
        this.id = id;
        this.changed = changed;
        this.declaredLength = declaredLength;
        this.sendWindow = sendWindow;
        this.receiveWindow = receiveWindow;
    }

    /** Whether both sides are done or the stream was reset: no more frames flow on it. */
    boolean closed() {
        return reset != null || (remoteClosed && localClosed);
    }

    /** Drops the unread body; returns how many bytes were dropped. */
    long dropBuffered() {
        long dropped = buffered;
        chunks.clear();
        chunkOffset = 0;
        buffered = 0;
        return dropped;
    }

    @Override
    public String toString() {
        return "stream " + id;
    }
}
