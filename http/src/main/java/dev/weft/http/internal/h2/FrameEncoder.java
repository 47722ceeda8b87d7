package dev.weft.http.internal.h2;

import java.util.List;

/**
 * Encodes the frames the server sends into byte arrays: complete control frames, frame headers
 * for {@code DATA} whose payload is written separately, and header blocks split into
 * {@code HEADERS} and {@code CONTINUATION} frames no larger than the peer's maximum frame size.
 */
final class FrameEncoder {

    private FrameEncoder() {
    }

    /** Writes a 9-octet frame header at {@code at}. */
    static void header(byte[] out, int at, int length, int type, int flags, int streamId) {
        out[at] = (byte) (length >>> 16);
        out[at + 1] = (byte) (length >>> 8);
        out[at + 2] = (byte) length;
        out[at + 3] = (byte) type;
        out[at + 4] = (byte) flags;
        putInt(out, at + 5, streamId);
    }

    /** A {@code SETTINGS} frame with the given parameters. */
    static byte[] settings(List<Frame.Setting> settings) {
        byte[] out = new byte[FrameReader.HEADER_BYTES + 6 * settings.size()];
        header(out, 0, 6 * settings.size(), Frame.SETTINGS, 0, 0);
        int at = FrameReader.HEADER_BYTES;
        for (Frame.Setting setting : settings) {
            out[at] = (byte) (setting.id() >>> 8);
            out[at + 1] = (byte) setting.id();
            putInt(out, at + 2, (int) setting.value());
            at += 6;
        }
        return out;
    }

    /** A {@code SETTINGS} acknowledgement. */
    static byte[] settingsAck() {
        byte[] out = new byte[FrameReader.HEADER_BYTES];
        header(out, 0, 0, Frame.SETTINGS, Frame.FLAG_ACK, 0);
        return out;
    }

    /** A {@code PING} acknowledgement echoing {@code opaque}. */
    static byte[] pingAck(long opaque) {
        byte[] out = new byte[FrameReader.HEADER_BYTES + 8];
        header(out, 0, 8, Frame.PING, Frame.FLAG_ACK, 0);
        putInt(out, FrameReader.HEADER_BYTES, (int) (opaque >>> 32));
        putInt(out, FrameReader.HEADER_BYTES + 4, (int) opaque);
        return out;
    }

    /** A {@code GOAWAY}. */
    static byte[] goAway(int lastStreamId, ErrorCode code) {
        byte[] out = new byte[FrameReader.HEADER_BYTES + 8];
        header(out, 0, 8, Frame.GOAWAY, 0, 0);
        putInt(out, FrameReader.HEADER_BYTES, lastStreamId);
        putInt(out, FrameReader.HEADER_BYTES + 4, code.code());
        return out;
    }

    /** A {@code RST_STREAM}. */
    static byte[] rstStream(int streamId, ErrorCode code) {
        byte[] out = new byte[FrameReader.HEADER_BYTES + 4];
        header(out, 0, 4, Frame.RST_STREAM, 0, streamId);
        putInt(out, FrameReader.HEADER_BYTES, code.code());
        return out;
    }

    /** A {@code WINDOW_UPDATE}. */
    static byte[] windowUpdate(int streamId, int increment) {
        byte[] out = new byte[FrameReader.HEADER_BYTES + 4];
        header(out, 0, 4, Frame.WINDOW_UPDATE, 0, streamId);
        putInt(out, FrameReader.HEADER_BYTES, increment);
        return out;
    }

    /**
     * A header block as one {@code HEADERS} frame followed by as many {@code CONTINUATION} frames
     * as {@code maxFrameSize} requires, contiguous in one array (nothing may come between them).
     */
    static byte[] headerBlock(int streamId, byte[] block, boolean endStream, int maxFrameSize) {
        int frames = Math.max(1, (block.length + maxFrameSize - 1) / maxFrameSize);
        byte[] out = new byte[block.length + frames * FrameReader.HEADER_BYTES];
        int at = 0;
        int from = 0;
        for (int i = 0; i < frames; i++) {
            int length = Math.min(maxFrameSize, block.length - from);
            int type = i == 0 ? Frame.HEADERS : Frame.CONTINUATION;
            int flags = (i == frames - 1 ? Frame.FLAG_END_HEADERS : 0)
                    | (i == 0 && endStream ? Frame.FLAG_END_STREAM : 0);
            header(out, at, length, type, flags, streamId);
            System.arraycopy(block, from, out, at + FrameReader.HEADER_BYTES, length);
            at += FrameReader.HEADER_BYTES + length;
            from += length;
        }
        return out;
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }
}
