package dev.weft.loadtest.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/2 client over cleartext with prior knowledge, as {@code h2load} speaks it: the
 * connection preface and an empty SETTINGS frame, then {@code GET} requests each on a new
 * stream with a hand-encoded HPACK block, answering the server's SETTINGS with an ACK. Enough to
 * check that an engine's h2c answers; not a general client.
 */
final class H2cPriorKnowledgeClient {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;
    private static final int GOAWAY = 0x7;
    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int ACK = 0x1;

    /**
     * One response.
     *
     * @param firstHeaderByte the first byte of the first header field in the HEADERS block (0x88
     *                        is {@code :status 200} from the static table)
     * @param body            the DATA of the stream
     */
    record Response(int firstHeaderByte, String body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int nextStream = 1;

    H2cPriorKnowledgeClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        out.write(PREFACE);
        frame(SETTINGS, 0, 0, new byte[0]);
        out.flush();
    }

    /** Sends {@code GET path} on a new stream and reads its whole response. */
    Response get(String path) throws IOException {
        int stream = nextStream;
        nextStream += 2;
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(0x86); // :scheme http
        literal(block, 0x04, path); // :path, literal without indexing, name index 4
        literal(block, 0x01, "127.0.0.1"); // :authority, name index 1
        frame(HEADERS, END_STREAM | END_HEADERS, stream, block.toByteArray());
        out.flush();
        int firstHeaderByte = -1;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int streamId = in.readInt() & 0x7FFF_FFFF;
            byte[] payload = in.readNBytes(length);
            if (type == SETTINGS && (flags & ACK) == 0) {
                frame(SETTINGS, ACK, 0, new byte[0]);
                out.flush();
            } else if (type == GOAWAY) {
                throw new IOException("server sent GOAWAY");
            } else if (streamId == stream && type == HEADERS) {
                firstHeaderByte = payload[afterTableSizeUpdates(payload)] & 0xFF;
            } else if (streamId == stream && type == DATA) {
                body.write(payload);
            }
            if (streamId == stream && (type == HEADERS || type == DATA) && (flags & END_STREAM) != 0) {
                return new Response(firstHeaderByte, body.toString(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Where the first header field starts: past any dynamic table size updates ({@code 001xxxxx}, RFC 7541 §6.3). */
    private static int afterTableSizeUpdates(byte[] block) {
        int at = 0;
        while (at < block.length && (block[at] & 0xE0) == 0x20) {
            boolean continued = (block[at] & 0x1F) == 0x1F;
            at++;
            while (continued && at < block.length) {
                continued = (block[at] & 0x80) != 0;
                at++;
            }
        }
        return at;
    }

    private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
        block.write(nameIndex);
        block.write(value.length());
        block.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    }

    private void frame(int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream});
        out.write(payload);
    }

    Socket socket() {
        return socket;
    }
}
