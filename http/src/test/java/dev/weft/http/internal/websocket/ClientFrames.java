package dev.weft.http.internal.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Frames as a client writes them, byte for byte, including the malformed ones a test needs:
 * masked with a fixed key (the one of RFC 6455's examples), any first byte, any length encoding.
 */
final class ClientFrames {

    static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    static final int FIN = 0x80;
    static final int RSV1 = 0x40;
    static final int RSV2 = 0x20;
    static final int RSV3 = 0x10;

    private ClientFrames() {
    }

    /** A masked frame: {@code firstByte} is FIN, RSV and opcode; the length in its shortest form. */
    static byte[] frame(int firstByte, byte[] payload) {
        int encoding = payload.length < 126 ? 7 : payload.length <= 0xFFFF ? 16 : 64;
        return frame(firstByte, payload, encoding, true);
    }

    /**
     * A frame with the length in the given encoding (7, 16 or 64 bits), masked or not.
     */
    static byte[] frame(int firstByte, byte[] payload, int lengthEncoding, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        long length = payload.length;
        switch (lengthEncoding) {
            case 7 -> out.write(maskBit | (int) length);
            case 16 -> {
                out.write(maskBit | 126);
                out.write((int) (length >>> 8));
                out.write((int) length);
            }
            case 64 -> {
                out.write(maskBit | 127);
                for (int i = 7; i >= 0; i--) {
                    out.write((int) (length >>> (8 * i)));
                }
            }
            default -> throw new IllegalArgumentException("encoding " + lengthEncoding);
        }
        if (masked) {
            out.writeBytes(MASK);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ MASK[i & 3] : payload[i]);
        }
        return out.toByteArray();
    }

    /** Just a header announcing a 64-bit length (its top bit may be set), masked. */
    static byte[] header64(int firstByte, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        out.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (length >>> (8 * i)));
        }
        out.writeBytes(MASK);
        return out.toByteArray();
    }

    static byte[] text(String text) {
        return frame(FIN | 0x1, utf8(text));
    }

    static byte[] binary(byte[] data) {
        return frame(FIN | 0x2, data);
    }

    static byte[] ping(byte[] payload) {
        return frame(FIN | 0x9, payload);
    }

    static byte[] pong(byte[] payload) {
        return frame(FIN | 0xA, payload);
    }

    static byte[] close(int code, String reason) {
        byte[] r = utf8(reason);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(FIN | 0x8, payload);
    }

    static byte[] closeWithoutCode() {
        return frame(FIN | 0x8, new byte[0]);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
