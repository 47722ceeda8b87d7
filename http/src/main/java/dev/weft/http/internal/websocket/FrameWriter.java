package dev.weft.http.internal.websocket;

import java.io.IOException;

/**
 * Writes server frames (RFC 6455 section 5.2): never masked, lengths in their shortest
 * encoding, a whole message as one frame, compressed when {@code permessage-deflate} is in use
 * and the message is worth it (RSV1 on its first frame). Small frames go out in one write,
 * header and payload together. Used by the session's one writer thread at a time.
 */
final class FrameWriter {

    /** Payloads up to this size are copied behind their header and written in one call. */
    private static final int COALESCE_BYTES = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 10;

    private final UpgradedConnection connection;
    private final MessageDeflater deflater;

    /**
     * @param connection where frames go
     * @param deflater   the compressor when {@code permessage-deflate} is in use, else null
     */
    FrameWriter(UpgradedConnection connection, MessageDeflater deflater) {
        this.connection = connection;
        this.deflater = deflater;
    }

    /** Writes a whole message as one frame. */
    void message(Opcode opcode, byte[] payload) throws IOException {
        if (deflater != null && MessageDeflater.worthCompressing(payload.length)) {
            frame(true, true, opcode, deflater.compress(payload, 0, payload.length, true));
        } else {
            frame(true, false, opcode, payload);
        }
    }

    /**
     * Writes one fragment of a streamed message.
     *
     * @param opcode the message's opcode on the first fragment, {@link Opcode#CONTINUATION} after
     * @param last   whether it ends the message
     */
    void fragment(Opcode opcode, byte[] chunk, boolean last) throws IOException {
        if (deflater != null) {
            byte[] compressed = deflater.compress(chunk, 0, chunk.length, last);
            frame(last, opcode != Opcode.CONTINUATION, opcode, compressed);
        } else {
            frame(last, false, opcode, chunk);
        }
    }

    /** Writes a control frame (at most 125 bytes of payload). */
    void control(Opcode opcode, byte[] payload) throws IOException {
        frame(true, false, opcode, payload);
    }

    private void frame(boolean fin, boolean rsv1, Opcode opcode, byte[] payload) throws IOException {
        int length = payload.length;
        if (length <= COALESCE_BYTES) {
            byte[] frame = new byte[MAX_HEADER_BYTES + length];
            int header = header(frame, fin, rsv1, opcode, length);
            System.arraycopy(payload, 0, frame, header, length);
            connection.write(frame, 0, header + length);
        } else {
            byte[] head = new byte[MAX_HEADER_BYTES];
            connection.write(head, 0, header(head, fin, rsv1, opcode, length));
            connection.write(payload, 0, length);
        }
    }

    /** Encodes a frame header into {@code out}; returns its size (2, 4 or 10 bytes). */
    static int header(byte[] out, boolean fin, boolean rsv1, Opcode opcode, long length) {
        out[0] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode.code);
        if (length < 126) {
            out[1] = (byte) length;
            return 2;
        }
        if (length <= 0xFFFF) {
            out[1] = 126;
            out[2] = (byte) (length >>> 8);
            out[3] = (byte) length;
            return 4;
        }
        out[1] = 127;
        for (int i = 0; i < 8; i++) {
            out[2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return 10;
    }
}
