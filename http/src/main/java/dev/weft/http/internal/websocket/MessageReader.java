package dev.weft.http.internal.websocket;

import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.MessageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns a client's frames into messages (RFC 6455 sections 5.4–5.5, RFC 7692 section 7.2.2):
 * reassembles fragments, hands control frames that arrive between them to
 * {@link ControlFrames}, decompresses, checks text as UTF-8 and enforces the message limit,
 * all as the bytes arrive, so a message is never held here and a bad one is refused at the
 * first byte that proves it bad.
 *
 * <p>Rules, beyond the frame rules of {@link FrameReader}: a continuation frame needs a message
 * to continue and a new text or binary frame must not start while one is unfinished
 * ({@code 1002}); text must be UTF-8, also where a character spans frames, and must not end in
 * the middle of a character ({@code 1007}); compressed data must inflate ({@code 1007}); a
 * message over {@code maxMessageBytes}, received or decompressed, is a {@code 1009}; a close
 * frame has no payload or a valid code ({@code 1002}) followed by a UTF-8 reason
 * ({@code 1007}), and one byte of payload is a {@code 1002}. Not thread-safe.
 */
final class MessageReader {

    /** Receives the control frames read between and inside messages. */
    interface ControlFrames {
        /** A ping arrived with {@code payload}. */
        void ping(byte[] payload);

        /** A pong arrived. */
        void pong(byte[] payload);

        /** A valid close frame arrived; {@link CloseStatus#NO_STATUS_1005} when it had no code. */
        void close(CloseStatus status);
    }

    private static final int COMPRESSED_CHUNK_BYTES = 4096;
    private static final int SKIP_CHUNK_BYTES = 4096;
    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;
    private static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final FrameReader frames;
    private final long maxMessageBytes;
    private final MessageInflater inflater;
    private final ControlFrames controls;
    private final Utf8Validator utf8 = new Utf8Validator();
    private byte[] compressedChunk;

    private boolean closeReceived;
    private boolean inMessage;
    private MessageType type;
    private boolean compressed;
    private boolean finalFrame;
    private boolean tailFed;
    private long receivedBytes;
    private long decodedBytes;

    /**
     * @param frames          the frame reader
     * @param maxMessageBytes the largest message accepted, received and decompressed
     * @param inflater        the decompressor when {@code permessage-deflate} is in use, else null
     * @param controls        where control frames go
     */
    MessageReader(FrameReader frames, long maxMessageBytes, MessageInflater inflater, ControlFrames controls) {
        this.frames = frames;
        this.maxMessageBytes = maxMessageBytes;
        this.inflater = inflater;
        this.controls = controls;
    }

    /**
     * Reads until the first frame of the next data message, skipping (and still checking) what
     * is left of the current one.
     *
     * @return the new message's type, or null once a close frame has been received
     * @throws ProtocolFailure when the peer broke a rule
     * @throws java.io.EOFException when the connection ended
     */
    MessageType next() throws IOException {
        if (inMessage) {
            skipRest();
        }
        while (!closeReceived) {
            FrameHeader header = frames.next();
            if (header.opcode().isControl()) {
                control(header);
            } else if (header.opcode() == Opcode.CONTINUATION) {
                throw ProtocolFailure.protocolError("continuation frame without a message to continue");
            } else {
                begin(header);
                return type;
            }
        }
        return null;
    }

    /** Whether the peer's close frame has been received. */
    boolean closeReceived() {
        return closeReceived;
    }

    /**
     * Reads the current message's payload (decompressed).
     *
     * @return the number of bytes read, at least one unless {@code len} is 0; -1 at the end of
     *     the message, or when there is none
     * @throws ProtocolFailure when the peer broke a rule
     * @throws PeerClosedException when the peer's close frame arrived in the middle of the message
     */
    int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!inMessage) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = compressed ? inflate(b, off, len) : readPlain(b, off, len);
            if (n > 0) {
                decoded(b, off, n);
                return n;
            }
            if (n < 0) {
                end();
                return -1;
            }
        }
    }

    /**
     * Reads the rest of the current message into one array, sized exactly when the message is
     * one uncompressed frame, else grown as it arrives.
     */
    byte[] readWhole() throws IOException {
        boolean oneFrame = !compressed && finalFrame;
        byte[] whole = new byte[(int) (oneFrame ? frames.remaining() : Math.min(MAX_INITIAL_CAPACITY, maxMessageBytes))];
        int size = 0;
        while (true) {
            if (size == whole.length) {
                if (oneFrame && frames.remaining() == 0) {
                    end();
                    return whole;
                }
                whole = Arrays.copyOf(whole, grownCapacity(whole.length));
            }
            int n = read(whole, size, whole.length - size);
            if (n < 0) {
                return size == whole.length ? whole : Arrays.copyOf(whole, size);
            }
            size += n;
        }
    }

    /** Twice the capacity, but no more than one byte past the limit (enough to see it exceeded). */
    private int grownCapacity(int capacity) throws ProtocolFailure {
        long grown = Math.min(Math.max(2L * capacity, 256), maxMessageBytes + 1);
        if (grown > MAX_ARRAY_BYTES) {
            throw ProtocolFailure.tooBig("message of more than " + MAX_ARRAY_BYTES
                    + " bytes cannot be held whole");
        }
        return (int) grown;
    }

    private void begin(FrameHeader header) throws ProtocolFailure {
        type = header.opcode() == Opcode.TEXT ? MessageType.TEXT : MessageType.BINARY;
        compressed = header.rsv1();
        finalFrame = header.fin();
        receivedBytes = 0;
        decodedBytes = 0;
        tailFed = false;
        utf8.reset();
        counted(header.length());
        inMessage = true;
    }

    private int readPlain(byte[] b, int off, int len) throws IOException {
        if (frames.remaining() > 0) {
            return frames.readPayload(b, off, len);
        }
        if (finalFrame) {
            return -1;
        }
        nextFragment();
        return 0;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        Inflater zip = inflater.inflater();
        while (true) {
            int n;
            try {
                n = zip.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw ProtocolFailure.invalidPayload("invalid compressed data: " + e.getMessage());
            }
            if (n > 0) {
                return n;
            }
            if (zip.finished()) {
                discardRest();
                return -1;
            }
            if (zip.needsDictionary()) {
                throw ProtocolFailure.invalidPayload("compressed data asks for a preset dictionary");
            }
            if (tailFed) {
                return -1;
            }
            if (frames.remaining() > 0) {
                int length = readCompressedChunk();
                zip.setInput(compressedChunk, 0, length);
            } else if (!finalFrame) {
                nextFragment();
            } else {
                zip.setInput(MessageInflater.TAIL);
                tailFed = true;
            }
        }
    }

    /**
     * Reads the next piece of compressed payload: {@value #COMPRESSED_CHUNK_BYTES} bytes, or what
     * is left of the frame. Whole pieces, whatever the network delivers per read, so the
     * inflater sees the same pieces however the bytes were split, and the outcome of a bad
     * message (which violation is seen first) does not depend on timing.
     */
    private int readCompressedChunk() throws IOException {
        if (compressedChunk == null) {
            compressedChunk = new byte[COMPRESSED_CHUNK_BYTES];
        }
        int length = (int) Math.min(compressedChunk.length, frames.remaining());
        int read = 0;
        while (read < length) {
            read += frames.readPayload(compressedChunk, read, length - read);
        }
        return length;
    }

    /** After a final DEFLATE block, reads and drops what the message still carries. */
    private void discardRest() throws IOException {
        byte[] scratch = new byte[SKIP_CHUNK_BYTES];
        while (true) {
            if (frames.remaining() > 0) {
                frames.readPayload(scratch, 0, scratch.length);
            } else if (!finalFrame) {
                nextFragment();
            } else {
                return;
            }
        }
    }

    private void nextFragment() throws IOException {
        while (true) {
            FrameHeader header = frames.next();
            if (header.opcode().isControl()) {
                control(header);
                if (closeReceived) {
                    inMessage = false;
                    throw new PeerClosedException("the peer closed in the middle of a message");
                }
            } else if (header.opcode() != Opcode.CONTINUATION) {
                throw ProtocolFailure.protocolError(header.opcode() + " frame while a fragmented message is unfinished");
            } else {
                finalFrame = header.fin();
                counted(header.length());
                return;
            }
        }
    }

    private void counted(long frameLength) throws ProtocolFailure {
        receivedBytes += frameLength;
        if (receivedBytes > maxMessageBytes) {
            throw ProtocolFailure.tooBig("message of more than " + maxMessageBytes + " bytes (" + receivedBytes
                    + " received so far)");
        }
    }

    /** Checks decoded bytes; of two violations in one piece, the one earlier in the message wins. */
    private void decoded(byte[] b, int off, int n) throws ProtocolFailure {
        long withinLimit = Math.min(n, Math.max(0, maxMessageBytes - decodedBytes));
        if (type == MessageType.TEXT && !utf8.accept(b, off, (int) withinLimit)) {
            throw ProtocolFailure.invalidPayload("text message is not valid UTF-8");
        }
        decodedBytes += n;
        if (decodedBytes > maxMessageBytes) {
            throw ProtocolFailure.tooBig("message of more than " + maxMessageBytes + " bytes once decompressed");
        }
    }

    private void end() throws ProtocolFailure {
        inMessage = false;
        if (compressed) {
            inflater.endMessage();
        }
        if (type == MessageType.TEXT && !utf8.isComplete()) {
            throw ProtocolFailure.invalidPayload("text message ends in the middle of a UTF-8 sequence");
        }
    }

    private void skipRest() throws IOException {
        byte[] scratch = new byte[SKIP_CHUNK_BYTES];
        while (read(scratch, 0, scratch.length) >= 0) {
            // dropped, but checked like any message
        }
    }

    private void control(FrameHeader header) throws IOException {
        byte[] payload = frames.readSmallPayload();
        switch (header.opcode()) {
            case PING -> controls.ping(payload);
            case PONG -> controls.pong(payload);
            case CLOSE -> {
                CloseStatus status = closeStatus(payload);
                closeReceived = true;
                controls.close(status);
            }
            default -> throw new IllegalStateException("not a control frame: " + header.opcode());
        }
    }

    /** The status a close frame's payload carries. */
    static CloseStatus closeStatus(byte[] payload) throws ProtocolFailure {
        if (payload.length == 0) {
            return CloseStatus.NO_STATUS_1005;
        }
        if (payload.length == 1) {
            throw ProtocolFailure.protocolError("close frame with a 1-byte payload");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseStatus.isSendable(code)) {
            throw ProtocolFailure.protocolError("invalid close code " + code);
        }
        if (!Utf8Validator.isValid(payload, 2, payload.length - 2)) {
            throw ProtocolFailure.invalidPayload("close reason is not valid UTF-8");
        }
        return new CloseStatus(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
    }
}
