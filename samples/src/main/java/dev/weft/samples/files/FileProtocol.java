package dev.weft.samples.files;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of the file transfer protocol: bytes in, messages out, no socket involved,
 * so every case is a unit test (and a fuzz target).
 *
 * <h2>Frames</h2>
 * Every message is a frame: {@code u32 length}, then {@code length} bytes made of a {@code u8}
 * type and the body. Integers are big-endian and unsigned ({@code u64} values stay below
 * 2<sup>63</sup>); {@code str} is a {@code u16} byte count followed by that many bytes of UTF-8;
 * {@code sha} is 32 bytes. A frame longer than the reader's limit is refused
 * ({@link ErrorCode#TOO_LARGE}) and the connection closed, since skipping it would mean reading
 * an unbounded amount; any other malformed frame was read whole, so it is answered with
 * {@link ErrorCode#BAD_FRAME} and the connection goes on.
 *
 * <h2>Requests (client to server) and their answers</h2>
 * <pre>
 * 0x01 LIST  str directory             → 0x81 LISTING u8 truncated, u32 n, n × (str name, u8 kind, u64 size)
 * 0x02 GET   str name, u64 offset      → 0x82 DATA u64 fileSize, u64 offset, u64 count,
 *                                          then exactly count raw bytes (not framed)
 * 0x03 PUT   str name, u64 size, sha   → 0x83 READY u64 size; the client sends exactly size raw
 *                                          bytes; then 0x84 STORED u64 size, sha
 * 0x04 HASH  str name                  → 0x85 HASH_RESULT u64 size, sha
 * any request that fails               → 0xEE ERROR u16 code, str message
 * </pre>
 * {@code kind} is 0 for a file, 1 for a directory. A {@code PUT} that is refused gets its
 * {@code ERROR} instead of {@code READY}, before any data is sent, so the connection stays
 * usable; so does one whose data does not match the announced SHA-256 ({@code ERROR} after the
 * data). A download resumes by asking for {@code GET} from the size already held.
 */
public final class FileProtocol {

    /** Type of {@link FileMessage.ListRequest}. */
    public static final int LIST = 0x01;
    /** Type of {@link FileMessage.GetRequest}. */
    public static final int GET = 0x02;
    /** Type of {@link FileMessage.PutRequest}. */
    public static final int PUT = 0x03;
    /** Type of {@link FileMessage.HashRequest}. */
    public static final int HASH = 0x04;
    /** Type of {@link FileMessage.Listing}. */
    public static final int LISTING = 0x81;
    /** Type of {@link FileMessage.Data}. */
    public static final int DATA = 0x82;
    /** Type of {@link FileMessage.Ready}. */
    public static final int READY = 0x83;
    /** Type of {@link FileMessage.Stored}. */
    public static final int STORED = 0x84;
    /** Type of {@link FileMessage.HashResult}. */
    public static final int HASH_RESULT = 0x85;
    /** Type of {@link FileMessage.Error}. */
    public static final int ERROR = 0xEE;

    private static final int MAX_STRING_BYTES = 0xFFFF;

    private FileProtocol() {
    }

    /** The whole frame of {@code message}: length prefix, type, body. */
    public static byte[] encode(FileMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0);
            out.writeByte(message.type());
            writeBody(out, message);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] frame = bytes.toByteArray();
        ByteBuffer.wrap(frame).putInt(0, frame.length - Integer.BYTES);
        return frame;
    }

    private static void writeBody(DataOutputStream out, FileMessage message) throws IOException {
        switch (message) {
            case FileMessage.ListRequest m -> writeString(out, m.directory());
            case FileMessage.GetRequest m -> {
                writeString(out, m.name());
                out.writeLong(m.offset());
            }
            case FileMessage.PutRequest m -> {
                writeString(out, m.name());
                out.writeLong(m.size());
                out.write(m.sha256().bytes());
            }
            case FileMessage.HashRequest m -> writeString(out, m.name());
            case FileMessage.Listing m -> {
                out.writeByte(m.truncated() ? 1 : 0);
                out.writeInt(m.entries().size());
                for (FileMessage.Entry entry : m.entries()) {
                    writeString(out, entry.name());
                    out.writeByte(entry.kind().ordinal());
                    out.writeLong(entry.size());
                }
            }
            case FileMessage.Data m -> {
                out.writeLong(m.fileSize());
                out.writeLong(m.offset());
                out.writeLong(m.count());
            }
            case FileMessage.Ready m -> out.writeLong(m.size());
            case FileMessage.Stored m -> {
                out.writeLong(m.size());
                out.write(m.sha256().bytes());
            }
            case FileMessage.HashResult m -> {
                out.writeLong(m.size());
                out.write(m.sha256().bytes());
            }
            case FileMessage.Error m -> {
                out.writeShort(m.code().wire());
                writeString(out, truncate(m.message()));
            }
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("a string has at most " + MAX_STRING_BYTES + " bytes, not " + utf8.length);
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String truncate(String message) {
        return message.length() > 1_000 ? message.substring(0, 1_000) + "..." : message;
    }

    /**
     * Reads one frame's type and body (without the length prefix).
     *
     * @param maxFrameBytes the longest frame accepted, type byte included
     * @return the frame, or {@code null} when the stream ends cleanly before a new frame
     * @throws ProtocolException {@link ErrorCode#TOO_LARGE} or {@link ErrorCode#BAD_FRAME} for a
     *     length over the limit or zero; the stream is then out of step and must be closed
     * @throws EOFException when the stream ends inside a frame
     */
    public static byte[] readFrame(InputStream in, int maxFrameBytes) throws IOException {
        byte[] prefix = new byte[Integer.BYTES];
        int n = in.readNBytes(prefix, 0, prefix.length);
        if (n == 0) {
            return null;
        }
        if (n < prefix.length) {
            throw new EOFException("the stream ended inside a frame's length");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).getInt());
        if (length > maxFrameBytes) {
            throw new ProtocolException(ErrorCode.TOO_LARGE,
                    "frame length (" + length + ") exceeds the allowed maximum (" + maxFrameBytes + ")");
        }
        if (length == 0) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "empty frame: no type byte");
        }
        byte[] frame = in.readNBytes((int) length);
        if (frame.length < length) {
            throw new EOFException("the stream ended inside a frame of " + length + " bytes");
        }
        return frame;
    }

    /**
     * Decodes a frame as returned by {@link #readFrame}: type byte and body.
     *
     * @throws ProtocolException {@link ErrorCode#BAD_FRAME} when the bytes are not a message
     */
    public static FileMessage decode(byte[] frame) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(frame);
        try {
            int type = in.get() & 0xFF;
            FileMessage message = decodeBody(type, in);
            if (in.hasRemaining()) {
                throw new ProtocolException(ErrorCode.BAD_FRAME,
                        in.remaining() + " bytes left over after a message of type 0x" + Integer.toHexString(type));
            }
            return message;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "frame of " + frame.length + " bytes ends too early");
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, e.getMessage());
        }
    }

    private static FileMessage decodeBody(int type, ByteBuffer in) throws ProtocolException {
        return switch (type) {
            case LIST -> new FileMessage.ListRequest(readString(in));
            case GET -> new FileMessage.GetRequest(readString(in), readLength(in));
            case PUT -> new FileMessage.PutRequest(readString(in), readLength(in), readSha(in));
            case HASH -> new FileMessage.HashRequest(readString(in));
            case LISTING -> readListing(in);
            case DATA -> new FileMessage.Data(readLength(in), readLength(in), readLength(in));
            case READY -> new FileMessage.Ready(readLength(in));
            case STORED -> new FileMessage.Stored(readLength(in), readSha(in));
            case HASH_RESULT -> new FileMessage.HashResult(readLength(in), readSha(in));
            case ERROR -> {
                int wire = in.getShort() & 0xFFFF;
                ErrorCode code = ErrorCode.ofWire(wire).orElseThrow(
                        () -> new ProtocolException(ErrorCode.BAD_FRAME, "unknown error code " + wire));
                yield new FileMessage.Error(code, readString(in));
            }
            default -> throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "unknown message type 0x" + Integer.toHexString(type));
        };
    }

    private static FileMessage.Listing readListing(ByteBuffer in) throws ProtocolException {
        boolean truncated = in.get() != 0;
        long count = Integer.toUnsignedLong(in.getInt());
        // Each entry takes at least 11 bytes: a count larger than that cannot be honest.
        if (count > in.remaining() / 11) {
            throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "listing announces " + count + " entries in " + in.remaining() + " bytes");
        }
        List<FileMessage.Entry> entries = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            String name = readString(in);
            int kind = in.get() & 0xFF;
            if (kind >= FileMessage.Kind.values().length) {
                throw new ProtocolException(ErrorCode.BAD_FRAME, "unknown entry kind " + kind);
            }
            entries.add(new FileMessage.Entry(name, FileMessage.Kind.values()[kind], readLength(in)));
        }
        return new FileMessage.Listing(truncated, entries);
    }

    private static long readLength(ByteBuffer in) throws ProtocolException {
        long value = in.getLong();
        if (value < 0) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "size or offset out of range: " + Long.toUnsignedString(value));
        }
        return value;
    }

    private static Sha256 readSha(ByteBuffer in) {
        byte[] bytes = new byte[Sha256.BYTES];
        in.get(bytes);
        return new Sha256(bytes);
    }

    private static String readString(ByteBuffer in) throws ProtocolException {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "a string is not valid UTF-8");
        }
    }
}
