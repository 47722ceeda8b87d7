package dev.weft.loadtest.generator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * A small, correct RFC 6455 client for the WebSocket echo scenario: the opening handshake on
 * {@link #open} (checking status 101 and {@code Sec-WebSocket-Accept}), then per round trip one
 * masked binary frame — FIN set, a fresh masking key per frame, as a client must send — and the
 * server's unmasked echo read back and compared byte for byte. Written by hand because
 * {@code java.net.http}'s WebSocket costs the generator more than the server it measures.
 */
final class WebSocketEchoClient implements ProtocolClient {

    /** The endpoint every engine serves its echo at. */
    static final String PATH = "/ws";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int MAX_HANDSHAKE_BYTES = 4_096;

    private final byte[] message;
    private final byte[] frame;
    private final byte[] reply;
    private final int headerBytes;
    /** Masking keys: a per-client generator is enough for a load test (no script shares the connection). */
    private final SplittableRandom random;

    WebSocketEchoClient(int messageBytes) {
        if (messageBytes > 65_535) {
            throw new IllegalArgumentException("message of " + messageBytes + " bytes exceeds the 65,535 this client frames");
        }
        message = new byte[messageBytes];
        for (int i = 0; i < messageBytes; i++) {
            message[i] = (byte) ('a' + i % 26);
        }
        headerBytes = (messageBytes <= 125 ? 2 : 4) + 4;
        frame = new byte[headerBytes + messageBytes];
        reply = new byte[headerBytes - 4 + messageBytes];
        random = new SplittableRandom();
    }

    @Override
    public Socket open(Socket connected) throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        OutputStream out = connected.getOutputStream();
        out.write(("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(connected.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new UnexpectedResponseException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        String expected = "sec-websocket-accept: " + acceptFor(key).toLowerCase(java.util.Locale.ROOT);
        if (head.lines().map(l -> l.trim().toLowerCase(java.util.Locale.ROOT)).noneMatch(expected::equals)) {
            throw new UnexpectedResponseException("WebSocket upgrade without the right Sec-WebSocket-Accept: " + head);
        }
        return connected;
    }

    /** The value a server must answer for {@code key}: base64(SHA-1(key + GUID)). */
    static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Reads the handshake response head byte by byte: nothing after it may be consumed. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("server closed during the WebSocket handshake: " + head);
            }
            if (head.length() == MAX_HANDSHAKE_BYTES) {
                throw new UnexpectedResponseException("WebSocket handshake response exceeds " + MAX_HANDSHAKE_BYTES + " bytes");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Override
    public void roundTrip(InputStream in, OutputStream out) throws IOException {
        out.write(maskedFrame());
        out.flush();
        readEcho(in);
    }

    /** FIN + binary, MASK + length, a fresh 4-byte key, the payload XORed with it. */
    private byte[] maskedFrame() {
        int length = message.length;
        frame[0] = (byte) (0x80 | OPCODE_BINARY);
        int at;
        if (length <= 125) {
            frame[1] = (byte) (0x80 | length);
            at = 2;
        } else {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
            at = 4;
        }
        int mask = random.nextInt();
        for (int i = 0; i < 4; i++) {
            frame[at + i] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < length; i++) {
            frame[headerBytes + i] = (byte) (message[i] ^ frame[at + (i & 3)]);
        }
        return frame;
    }

    /**
     * Reads the echo: the exact frame expected — a 2-byte header (4 from 126 bytes on) and the
     * payload — in one read when it arrived whole, then checks header and payload.
     */
    private void readEcho(InputStream in) throws IOException {
        int serverHeader = headerBytes - 4;
        int expected = serverHeader + message.length;
        int read = in.readNBytes(reply, 0, expected);
        if (read < expected) {
            throw new EOFException("server closed after " + read + " of " + expected + " bytes of the echo frame");
        }
        int first = reply[0] & 0xFF;
        int second = reply[1] & 0xFF;
        if ((first & 0x0F) == OPCODE_CLOSE) {
            throw new EOFException("server sent a WebSocket close frame");
        }
        if ((first & 0x80) == 0 || (first & 0x0F) != OPCODE_BINARY || (second & 0x80) != 0) {
            throw new UnexpectedResponseException(String.format("expected one unmasked binary frame, got header %02x %02x",
                    first, second));
        }
        int length = second & 0x7F;
        if (length == 126) {
            length = ((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF);
        }
        if (length != message.length) {
            throw new UnexpectedResponseException("echo frame of " + length + " bytes for a " + message.length + "-byte message");
        }
        if (!Arrays.equals(message, 0, message.length, reply, serverHeader, expected)) {
            throw new UnexpectedResponseException("WebSocket echo differs from the " + message.length + "-byte message");
        }
    }
}
