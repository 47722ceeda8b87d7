package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A tiny HTTP/2 client for tests that writes frames as given, right or wrong, and reads what the
 * server answers frame by frame. It keeps an HPACK context in each direction so that it can send
 * requests and read response headers; everything else is raw.
 */
final class RawH2Client implements AutoCloseable {

    /** A frame as read. */
    record RawFrame(int type, int flags, int streamId, byte[] payload, List<String> fields) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** The error code of RST_STREAM or GOAWAY. */
        int errorCode() {
            int at = type == Frame.GOAWAY ? 4 : 0;
            return ((payload[at] & 0xFF) << 24) | ((payload[at + 1] & 0xFF) << 16) | ((payload[at + 2] & 0xFF) << 8)
                    | (payload[at + 3] & 0xFF);
        }

        /** The first 4 octets as a 31-bit number (GOAWAY last stream id, WINDOW_UPDATE increment). */
        int firstInt() {
            return (((payload[0] & 0x7F) << 24) | ((payload[1] & 0xFF) << 16) | ((payload[2] & 0xFF) << 8)
                    | (payload[3] & 0xFF));
        }

        @Override
        public String toString() {
            return "frame type " + type + " flags " + flags + " stream " + streamId + " length " + payload.length
                    + (fields == null ? "" : " " + fields);
        }
    }

    /** A response read from one stream. */
    record RawResponse(int status, List<String> fields, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final HpackEncoder encoder = new HpackEncoder();
    private final HpackDecoder decoder = new HpackDecoder(4096);
    /** Whether DATA received is acknowledged with WINDOW_UPDATEs automatically. */
    boolean openWindows = true;

    private RawH2Client(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(15_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A client over a socket already connected (a TLS socket that negotiated {@code h2}); sends nothing. */
    static RawH2Client over(Socket socket) throws IOException {
        return new RawH2Client(socket);
    }

    /** Connects and sends nothing. */
    static RawH2Client connect(int port) throws IOException {
        return new RawH2Client(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /** Connects, sends the preface with {@code settings} (id, value pairs) and acknowledges the server's. */
    static RawH2Client handshake(int port, int... settings) throws IOException {
        return handshake(connect(port), settings);
    }

    /** Sends the preface with {@code settings} (id, value pairs) on {@code client} and acknowledges the server's. */
    static RawH2Client handshake(RawH2Client client, int... settings) throws IOException {
        client.raw(Preface.bytes());
        client.settings(settings);
        RawFrame first = client.next();
        assertEquals(Frame.SETTINGS, first.type(), "the server's first frame is SETTINGS");
        client.frame(Frame.SETTINGS, Frame.FLAG_ACK, 0, new byte[0]);
        return client;
    }

    /** Reads an HTTP/1.1 response head (through the empty line) and returns it. */
    String http1Head() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void settings(int... idsAndValues) throws IOException {
        byte[] payload = new byte[3 * idsAndValues.length];
        for (int i = 0; i < idsAndValues.length; i += 2) {
            payload[3 * i] = (byte) (idsAndValues[i] >>> 8);
            payload[3 * i + 1] = (byte) idsAndValues[i];
            putInt(payload, 3 * i + 2, idsAndValues[i + 1]);
        }
        frame(Frame.SETTINGS, 0, 0, payload);
    }

    void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
        byte[] frame = new byte[9 + payload.length];
        FrameEncoder.header(frame, 0, payload.length, type, flags, streamId);
        System.arraycopy(payload, 0, frame, 9, payload.length);
        raw(frame);
    }

    /** An HPACK block of the given fields, encoded in this client's context. */
    byte[] block(String... namesAndValues) {
        encoder.begin();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            encoder.field(namesAndValues[i], namesAndValues[i + 1]);
        }
        return encoder.finish();
    }

    void headers(int streamId, boolean endStream, String... namesAndValues) throws IOException {
        frame(Frame.HEADERS, Frame.FLAG_END_HEADERS | (endStream ? Frame.FLAG_END_STREAM : 0), streamId,
                block(namesAndValues));
    }

    /** A GET of {@code path} on {@code streamId}. */
    void get(int streamId, String path) throws IOException {
        headers(streamId, true, ":method", "GET", ":scheme", "http", ":path", path, ":authority", "localhost");
    }

    /** A POST of {@code path} with a declared length, body to follow. */
    void post(int streamId, String path, long length) throws IOException {
        headers(streamId, false, ":method", "POST", ":scheme", "http", ":path", path, ":authority", "localhost",
                "content-length", Long.toString(length));
    }

    void data(int streamId, byte[] data, boolean endStream) throws IOException {
        frame(Frame.DATA, endStream ? Frame.FLAG_END_STREAM : 0, streamId, data);
    }

    void rst(int streamId, ErrorCode code) throws IOException {
        byte[] payload = new byte[4];
        putInt(payload, 0, code.code());
        frame(Frame.RST_STREAM, 0, streamId, payload);
    }

    void windowUpdate(int streamId, int increment) throws IOException {
        byte[] payload = new byte[4];
        putInt(payload, 0, increment);
        frame(Frame.WINDOW_UPDATE, 0, streamId, payload);
    }

    void ping(long opaque) throws IOException {
        byte[] payload = new byte[8];
        putInt(payload, 0, (int) (opaque >>> 32));
        putInt(payload, 4, (int) opaque);
        frame(Frame.PING, 0, 0, payload);
    }

    /** Reads the next frame; HEADERS are decoded (keeping the HPACK context in step). */
    RawFrame next() throws IOException {
        int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int streamId = in.readInt() & 0x7FFF_FFFF;
        byte[] payload = new byte[length];
        in.readFully(payload);
        List<String> fields = null;
        if (type == Frame.HEADERS) {
            try {
                HeaderFields decoded = decoder.decode(payload, 0, payload.length, Long.MAX_VALUE);
                fields = new ArrayList<>();
                for (int i = 0; i < decoded.size(); i++) {
                    fields.add(decoded.name(i));
                    fields.add(decoded.value(i));
                }
            } catch (HpackException e) {
                throw new IOException("server sent a bad header block: " + e.getMessage(), e);
            }
        }
        return new RawFrame(type, flags, streamId, payload, fields);
    }

    /** Reads frames until one matches, answering pings and window needs on the way. */
    RawFrame await(Predicate<RawFrame> wanted) throws IOException {
        while (true) {
            RawFrame frame = next();
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** Reads until GOAWAY and returns its error code. */
    int awaitGoAway() throws IOException {
        return await(f -> f.type() == Frame.GOAWAY).errorCode();
    }

    /** Reads until RST_STREAM on {@code streamId} and returns its code. */
    int awaitReset(int streamId) throws IOException {
        return await(f -> f.type() == Frame.RST_STREAM && f.streamId() == streamId).errorCode();
    }

    /** Whether the server closed the connection: reads (and drops) frames until end of stream. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                next();
            }
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    /** Reads the whole response of {@code streamId}, answering DATA with WINDOW_UPDATEs. */
    RawResponse response(int streamId) throws IOException {
        return responses(List.of(streamId)).get(streamId);
    }

    /** Reads the whole responses of the given streams, in whatever order the frames come. */
    Map<Integer, RawResponse> responses(List<Integer> streamIds) throws IOException {
        Map<Integer, Integer> status = new HashMap<>();
        Map<Integer, List<String>> fields = new HashMap<>();
        Map<Integer, ByteArrayOutputStream> bodies = new HashMap<>();
        Map<Integer, RawResponse> done = new HashMap<>();
        while (done.size() < streamIds.size()) {
            RawFrame frame = next();
            int id = frame.streamId();
            if (!streamIds.contains(id)) {
                continue;
            }
            switch (frame.type()) {
                case Frame.HEADERS -> {
                    if (!status.containsKey(id)) {
                        status.put(id, Integer.parseInt(frame.fields().get(1)));
                        fields.put(id, frame.fields());
                    }
                }
                case Frame.DATA -> {
                    bodies.computeIfAbsent(id, k -> new ByteArrayOutputStream()).writeBytes(frame.payload());
                    if (openWindows && frame.payload().length > 0) {
                        windowUpdate(0, frame.payload().length);
                        if (!frame.has(Frame.FLAG_END_STREAM)) {
                            windowUpdate(id, frame.payload().length);
                        }
                    }
                }
                case Frame.RST_STREAM -> throw new AssertionError("stream " + id + " reset with code "
                        + frame.errorCode());
                default -> {
                    continue;
                }
            }
            if (frame.has(Frame.FLAG_END_STREAM)) {
                done.put(id, new RawResponse(status.get(id), fields.get(id),
                        bodies.getOrDefault(id, new ByteArrayOutputStream()).toByteArray()));
            }
        }
        return done;
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
