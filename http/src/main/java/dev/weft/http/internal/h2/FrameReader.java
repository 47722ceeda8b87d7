package dev.weft.http.internal.h2;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads frames from a {@link Wire} and checks each against the rules of RFC 9113 that need no
 * connection state: the length against our {@code SETTINGS_MAX_FRAME_SIZE} (checked from the
 * 9-octet header, before any payload is read, so an oversized frame costs nothing), the fixed
 * lengths of {@code PRIORITY}, {@code RST_STREAM}, {@code PING}, {@code WINDOW_UPDATE} and
 * {@code SETTINGS}, padding, which frames must or must not be on stream 0, and the values of the
 * known settings. Violations are thrown with the RFC's code; a client's {@code PUSH_PROMISE} is a
 * {@code PROTOCOL_ERROR}.
 *
 * <p>Reads are buffered: one read from the wire may bring several frames. The buffer starts at
 * 2 KiB, grows to at most one frame of our maximum size, and goes back to 2 KiB when the
 * connection is quiet ({@link #shrinkIfEmpty()}), so idle connections stay cheap. Payload slices of a returned frame
 * are valid until the next call. One reader thread.
 */
final class FrameReader {

    /** The octets of a frame header. */
    static final int HEADER_BYTES = 9;
    /** The buffer of a quiet connection; it grows to a frame's size when one needs more. */
    private static final int SMALL_BUFFER = 2048;

    private final Wire wire;
    private final int maxFrameSize;
    private byte[] buffer;
    private int position;
    private int limit;
    private long framesRead;

    /**
     * @param alreadyRead  bytes read from the wire before this reader existed (after the
     *                     preface), processed first
     * @param maxFrameSize our {@code SETTINGS_MAX_FRAME_SIZE}
     */
    FrameReader(Wire wire, byte[] alreadyRead, int maxFrameSize) {
        this.wire = wire;
        this.maxFrameSize = maxFrameSize;
        this.buffer = new byte[Math.max(SMALL_BUFFER, alreadyRead.length)];
        System.arraycopy(alreadyRead, 0, buffer, 0, alreadyRead.length);
        this.limit = alreadyRead.length;
    }

    /** Drops a grown buffer that holds no unread byte; called while no stream is open. */
    void shrinkIfEmpty() {
        if (position == limit && buffer.length > SMALL_BUFFER) {
            buffer = new byte[SMALL_BUFFER];
            position = 0;
            limit = 0;
        }
    }

    /** How many frames were read. */
    long framesRead() {
        return framesRead;
    }

    /**
     * Reads exactly {@code length} raw bytes (the connection preface) into a new array.
     *
     * @throws EOFException when the stream ends first
     */
    byte[] readRaw(int length) throws IOException {
        fill(length);
        byte[] bytes = java.util.Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return bytes;
    }

    /**
     * Reads the next frame.
     *
     * @return the frame, or {@code null} when the peer closed the stream cleanly between frames
     * @throws ConnectionError  for a violation that ends the connection
     * @throws StreamError      for a violation that ends only the frame's stream
     * @throws EOFException     when the stream ends in the middle of a frame
     */
    Frame next() throws IOException, ConnectionError, StreamError {
        if (!fillOrEnd(HEADER_BYTES)) {
            return null;
        }
        int length = ((buffer[position] & 0xFF) << 16) | ((buffer[position + 1] & 0xFF) << 8)
                | (buffer[position + 2] & 0xFF);
        int type = buffer[position + 3] & 0xFF;
        int flags = buffer[position + 4] & 0xFF;
        int streamId = readInt(position + 5) & 0x7FFF_FFFF;
        if (length > maxFrameSize) {
            throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, "frame length (" + length
                    + ") exceeds SETTINGS_MAX_FRAME_SIZE (" + maxFrameSize + ")");
        }
        fill(HEADER_BYTES + length);
        int payload = position + HEADER_BYTES;
        position = payload + length;
        framesRead++;
        return parse(type, flags, streamId, payload, length);
    }

    private Frame parse(int type, int flags, int streamId, int at, int length) throws ConnectionError, StreamError {
        return switch (type) {
            case Frame.DATA -> data(flags, requireStream(streamId, "DATA"), at, length);
            case Frame.HEADERS -> headers(flags, requireStream(streamId, "HEADERS"), at, length);
            case Frame.PRIORITY -> priority(requireStream(streamId, "PRIORITY"), at, length);
            case Frame.RST_STREAM -> {
                requireLength(length, 4, "RST_STREAM");
                yield new Frame.RstStream(requireStream(streamId, "RST_STREAM"), readInt(at) & 0xFFFF_FFFFL);
            }
            case Frame.SETTINGS -> settings(flags, requireConnection(streamId, "SETTINGS"), at, length);
            case Frame.PUSH_PROMISE -> throw new ConnectionError(ErrorCode.PROTOCOL_ERROR,
                    "a client must not send PUSH_PROMISE");
            case Frame.PING -> {
                requireConnection(streamId, "PING");
                requireLength(length, 8, "PING");
                yield new Frame.Ping((flags & Frame.FLAG_ACK) != 0, ((long) readInt(at) << 32) | (readInt(at + 4) & 0xFFFF_FFFFL));
            }
            case Frame.GOAWAY -> {
                requireConnection(streamId, "GOAWAY");
                if (length < 8) {
                    throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, "GOAWAY of " + length + " octets (at least 8)");
                }
                yield new Frame.GoAway(readInt(at) & 0x7FFF_FFFF, readInt(at + 4) & 0xFFFF_FFFFL);
            }
            case Frame.WINDOW_UPDATE -> {
                requireLength(length, 4, "WINDOW_UPDATE");
                yield new Frame.WindowUpdate(streamId, readInt(at) & 0x7FFF_FFFF);
            }
            case Frame.CONTINUATION -> new Frame.Continuation(requireStream(streamId, "CONTINUATION"),
                    new Frame.Slice(buffer, at, length), (flags & Frame.FLAG_END_HEADERS) != 0);
            default -> new Frame.Unknown(streamId, type);
        };
    }

    private Frame.Data data(int flags, int streamId, int at, int length) throws ConnectionError {
        int padding = padding(flags, at, length, 0, "DATA");
        int start = at + ((flags & Frame.FLAG_PADDED) != 0 ? 1 : 0);
        return new Frame.Data(streamId, new Frame.Slice(buffer, start, at + length - padding - start), length,
                (flags & Frame.FLAG_END_STREAM) != 0);
    }

    private Frame.Headers headers(int flags, int streamId, int at, int length) throws ConnectionError {
        boolean prioritised = (flags & Frame.FLAG_PRIORITY) != 0;
        int padding = padding(flags, at, length, prioritised ? 5 : 0, "HEADERS");
        int start = at + ((flags & Frame.FLAG_PADDED) != 0 ? 1 : 0);
        int dependency = 0;
        if (prioritised) {
            dependency = readInt(start) & 0x7FFF_FFFF;
            start += 5;
        }
        return new Frame.Headers(streamId, new Frame.Slice(buffer, start, at + length - padding - start),
                (flags & Frame.FLAG_END_STREAM) != 0, (flags & Frame.FLAG_END_HEADERS) != 0, dependency);
    }

    /** The pad length of a frame, checked to leave room for {@code fixed} octets and the padding. */
    private int padding(int flags, int at, int length, int fixed, String type) throws ConnectionError {
        if ((flags & Frame.FLAG_PADDED) == 0) {
            if (length < fixed) {
                throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, type + " of " + length + " octets is too short");
            }
            return 0;
        }
        if (length < 1 + fixed) {
            throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, type + " of " + length + " octets is too short");
        }
        int padding = buffer[at] & 0xFF;
        if (padding >= length - fixed) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, type + " pad length (" + padding
                    + ") is not less than the payload (" + (length - fixed) + ")");
        }
        return padding;
    }

    private Frame.Priority priority(int streamId, int at, int length) throws StreamError {
        if (length != 5) {
            throw new StreamError(streamId, ErrorCode.FRAME_SIZE_ERROR, "PRIORITY of " + length + " octets (5)");
        }
        return new Frame.Priority(streamId, readInt(at) & 0x7FFF_FFFF);
    }

    private Frame.Settings settings(int flags, int streamId, int at, int length) throws ConnectionError {
        boolean ack = (flags & Frame.FLAG_ACK) != 0;
        if (ack && length != 0) {
            throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, "SETTINGS acknowledgement with " + length + " octets");
        }
        if (length % 6 != 0) {
            throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, "SETTINGS of " + length + " octets (a multiple of 6)");
        }
        List<Frame.Setting> settings = new ArrayList<>(length / 6);
        for (int i = at; i < at + length; i += 6) {
            int id = ((buffer[i] & 0xFF) << 8) | (buffer[i + 1] & 0xFF);
            long value = readInt(i + 2) & 0xFFFF_FFFFL;
            checkSetting(id, value);
            settings.add(new Frame.Setting(id, value));
        }
        return new Frame.Settings(ack, List.copyOf(settings));
    }

    static void checkSetting(int id, long value) throws ConnectionError {
        switch (id) {
            case Frame.Setting.ENABLE_PUSH -> {
                if (value > 1) {
                    throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "SETTINGS_ENABLE_PUSH of " + value + " (0 or 1)");
                }
            }
            case Frame.Setting.INITIAL_WINDOW_SIZE -> {
                if (value > Integer.MAX_VALUE) {
                    throw new ConnectionError(ErrorCode.FLOW_CONTROL_ERROR,
                            "SETTINGS_INITIAL_WINDOW_SIZE of " + value + " exceeds " + Integer.MAX_VALUE);
                }
            }
            case Frame.Setting.MAX_FRAME_SIZE -> {
                if (value < 16_384 || value > 16_777_215) {
                    throw new ConnectionError(ErrorCode.PROTOCOL_ERROR,
                            "SETTINGS_MAX_FRAME_SIZE of " + value + " is outside 16384..16777215");
                }
            }
            default -> {
                // Other values are valid, and unknown settings are ignored (section 6.5.2).
            }
        }
    }

    private static int requireStream(int streamId, String type) throws ConnectionError {
        if (streamId == 0) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, type + " on stream 0");
        }
        return streamId;
    }

    private static int requireConnection(int streamId, String type) throws ConnectionError {
        if (streamId != 0) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, type + " on stream " + streamId + " (must be 0)");
        }
        return 0;
    }

    private static void requireLength(int length, int expected, String type) throws ConnectionError {
        if (length != expected) {
            throw new ConnectionError(ErrorCode.FRAME_SIZE_ERROR, type + " of " + length + " octets (" + expected + ")");
        }
    }

    private int readInt(int at) {
        return ((buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16) | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }

    /** Makes {@code count} bytes available from {@code position}; false at a clean end of stream. */
    private boolean fillOrEnd(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        if (position == limit) {
            position = 0;
            limit = 0;
        }
        compactFor(count);
        while (limit - position < count) {
            int n = wire.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                if (limit == position) {
                    return false;
                }
                throw new EOFException("connection closed in the middle of a frame");
            }
            limit += n;
        }
        return true;
    }

    private void fill(int count) throws IOException {
        if (!fillOrEnd(count)) {
            throw new EOFException("connection closed before " + count + " expected octets");
        }
    }

    private void compactFor(int count) {
        if (buffer.length - position >= count) {
            return;
        }
        int buffered = limit - position;
        byte[] target = count <= buffer.length ? buffer
                : new byte[Math.max(count, Math.min(buffer.length * 2, maxFrameSize + HEADER_BYTES))];
        System.arraycopy(buffer, position, target, 0, buffered);
        buffer = target;
        position = 0;
        limit = buffered;
    }
}
