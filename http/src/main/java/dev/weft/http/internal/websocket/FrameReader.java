package dev.weft.http.internal.websocket;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the frames a client sends (RFC 6455 section 5.2): checks each header as soon as its
 * bytes arrive, then hands out the payload unmasked, in pieces of the caller's size, so a large
 * frame is never held whole here.
 *
 * <p>Header rules, each a {@code 1002} (protocol error) unless said otherwise: the frame must be
 * masked (a client's always is); RSV2 and RSV3 must be clear, and RSV1 too unless
 * {@code permessage-deflate} was negotiated, and then only on a text or binary frame;
 * reserved opcodes are refused; a control frame must not be fragmented and carries at most 125
 * bytes; a length must use the shortest of the three encodings and a 64-bit length must have
 * its top bit clear; a payload above {@code maxFrameBytes} is a {@code 1009}, found before any
 * of it is read. Message-level rules (continuations, UTF-8, message size) belong to
 * {@link MessageReader}. Not thread-safe.
 */
final class FrameReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The most payload bytes a control frame may carry. */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private final FrameInput in;
    private final int maxFrameBytes;
    private final boolean compressionNegotiated;
    private final byte[] scratch = new byte[8];
    private final byte[] mask = new byte[4];
    private long remaining;
    private int maskIndex;

    /**
     * @param in                    the session's input
     * @param maxFrameBytes         the largest payload accepted
     * @param compressionNegotiated whether {@code permessage-deflate} is in use (RSV1 allowed)
     */
    FrameReader(FrameInput in, int maxFrameBytes, boolean compressionNegotiated) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
        this.compressionNegotiated = compressionNegotiated;
    }

    /**
     * Reads the next frame's header; what is left of the previous payload must have been read.
     *
     * @throws ProtocolFailure when the header breaks a rule
     * @throws java.io.EOFException when the connection ends first
     */
    FrameHeader next() throws IOException {
        if (remaining != 0) {
            throw new IllegalStateException(remaining + " payload bytes of the previous frame are unread");
        }
        in.readFully(scratch, 0, 1, "a frame header");
        int b0 = scratch[0] & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        if ((b0 & 0x30) != 0) {
            throw ProtocolFailure.protocolError("RSV2/RSV3 set without a negotiated extension");
        }
        Opcode opcode = Opcode.of(b0);
        if (opcode == null) {
            throw ProtocolFailure.protocolError("reserved opcode 0x" + Integer.toHexString(b0 & 0xF));
        }
        if (rsv1 && !compressionNegotiated) {
            throw ProtocolFailure.protocolError("RSV1 set without a negotiated extension");
        }
        if (rsv1 && (opcode.isControl() || opcode == Opcode.CONTINUATION)) {
            throw ProtocolFailure.protocolError("RSV1 set on a " + opcode + " frame");
        }
        if (opcode.isControl() && !fin) {
            throw ProtocolFailure.protocolError("fragmented " + opcode + " frame");
        }
        in.readFully(scratch, 0, 1, "a frame header");
        int b1 = scratch[0] & 0xFF;
        if ((b1 & 0x80) == 0) {
            throw ProtocolFailure.protocolError("unmasked frame from the client");
        }
        long length = readLength(b1 & 0x7F);
        if (opcode.isControl() && length > MAX_CONTROL_PAYLOAD) {
            throw ProtocolFailure.protocolError(opcode + " frame of " + length + " bytes (at most "
                    + MAX_CONTROL_PAYLOAD + ")");
        }
        if (length > maxFrameBytes) {
            throw ProtocolFailure.tooBig("frame of " + length + " bytes exceeds the limit of " + maxFrameBytes);
        }
        in.readFully(mask, 0, 4, "a frame header");
        remaining = length;
        maskIndex = 0;
        return new FrameHeader(fin, rsv1, opcode, length);
    }

    private long readLength(int length7) throws IOException {
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            in.readFully(scratch, 0, 2, "a frame header");
            int length = ((scratch[0] & 0xFF) << 8) | (scratch[1] & 0xFF);
            if (length < 126) {
                throw ProtocolFailure.protocolError("length " + length + " not in its shortest encoding");
            }
            return length;
        }
        in.readFully(scratch, 0, 8, "a frame header");
        if ((scratch[0] & 0x80) != 0) {
            throw ProtocolFailure.protocolError("64-bit length with its most significant bit set");
        }
        long length = 0;
        for (int i = 0; i < 8; i++) {
            length = (length << 8) | (scratch[i] & 0xFF);
        }
        if (length <= 0xFFFF) {
            throw ProtocolFailure.protocolError("length " + length + " not in its shortest encoding");
        }
        return length;
    }

    /** The payload bytes of the current frame not read yet. */
    long remaining() {
        return remaining;
    }

    /**
     * Reads and unmasks up to {@code len} bytes of the current frame's payload, at least one
     * unless none remains.
     *
     * @return the number of bytes read, 0 when the payload is all read
     * @throws java.io.EOFException when the connection ends in the middle of the payload
     */
    int readPayload(byte[] b, int off, int len) throws IOException {
        int wanted = (int) Math.min(len, remaining);
        if (wanted == 0) {
            return 0;
        }
        int n = in.read(b, off, wanted);
        if (n < 0) {
            throw new java.io.EOFException("connection closed in the middle of a frame's payload");
        }
        unmask(b, off, n);
        remaining -= n;
        return n;
    }

    /** Reads the whole remaining payload of the current (control) frame. */
    byte[] readSmallPayload() throws IOException {
        byte[] payload = new byte[(int) remaining];
        int off = 0;
        while (off < payload.length) {
            off += readPayload(payload, off, payload.length - off);
        }
        return payload;
    }

    /** XORs the mask over {@code b[off .. off + len)}, eight bytes at a time where it can. */
    private void unmask(byte[] b, int off, int len) {
        int k = maskIndex;
        int i = off;
        int end = off + len;
        if (len >= 2 * Long.BYTES) {
            long wide = 0;
            for (int j = Long.BYTES - 1; j >= 0; j--) {
                wide = (wide << 8) | (mask[(k + j) & 3] & 0xFFL);
            }
            // eight bytes move the mask by a multiple of four: k is the same after each step
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                LONGS.set(b, i, (long) LONGS.get(b, i) ^ wide);
            }
        }
        for (; i < end; i++) {
            b[i] ^= mask[k];
            k = (k + 1) & 3;
        }
        maskIndex = k;
    }
}
