package dev.weft.http.internal.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One frame as a server sent it, read back by a test client: it fails the test if the server
 * masked it or used a non-minimal length, which a server must never do.
 *
 * @param fin     the FIN bit
 * @param rsv1    the RSV1 bit
 * @param opcode  the opcode
 * @param payload the payload
 */
record ServerFrame(boolean fin, boolean rsv1, int opcode, byte[] payload) {

    /** Reads one frame; {@link EOFException} when the stream ends first. */
    static ServerFrame read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int b0 = data.readUnsignedByte();
        int b1 = data.readUnsignedByte();
        if ((b0 & 0x30) != 0) {
            throw new AssertionError("server frame with RSV2/RSV3 set: " + Integer.toHexString(b0));
        }
        if ((b1 & 0x80) != 0) {
            throw new AssertionError("server frames must not be masked");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = data.readUnsignedShort();
            if (length < 126) {
                throw new AssertionError("non-minimal 16-bit length " + length);
            }
        } else if (length == 127) {
            length = data.readLong();
            if (length <= 0xFFFF) {
                throw new AssertionError("non-minimal 64-bit length " + length);
            }
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        data.readFully(payload);
        return new ServerFrame((b0 & 0x80) != 0, (b0 & 0x40) != 0, b0 & 0xF, payload);
    }

    boolean isClose() {
        return opcode == 0x8;
    }

    /** The close code of a close frame; 1005 when it carries none. */
    int closeCode() {
        if (!isClose()) {
            throw new AssertionError("not a close frame: opcode " + opcode);
        }
        return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }

    String closeReason() {
        return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Concatenates payloads. */
    static byte[] join(Iterable<ServerFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ServerFrame frame : frames) {
            out.writeBytes(frame.payload());
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "ServerFrame[fin=" + fin + ", rsv1=" + rsv1 + ", opcode=" + opcode + ", " + payload.length + " bytes"
                + (isClose() ? ", close " + closeCode() + " " + closeReason() : "") + "]";
    }
}
