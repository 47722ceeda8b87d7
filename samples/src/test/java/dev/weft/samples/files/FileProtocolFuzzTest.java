package dev.weft.samples.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.testing.AllocationBudget;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes the file protocol codec. Any frame either decodes to a message that encodes back to the
 * same message, or is refused with a {@link ProtocolException} ({@link ErrorCode#BAD_FRAME});
 * any byte stream yields frames within the limit, a refusal ({@link ErrorCode#TOO_LARGE} or
 * {@link ErrorCode#BAD_FRAME}) or an {@link EOFException} — never another exception, and never
 * an allocation in proportion to a length the peer merely claims (a length prefix, a listing's
 * entry count): both targets stay within {@link AllocationBudget#forInput(int)}, with a frame
 * limit far above it.
 *
 * <p>In a normal build both replay their seed corpus in {@code
 * src/test/resources/dev/weft/samples/files/FileProtocolFuzzTestInputs}; {@code scripts/fuzz.sh}
 * fuzzes them ({@code files-frame}, {@code files-stream}).
 */
class FileProtocolFuzzTest {

    /** A frame limit far above the allocation budget, so that trusting a claimed length would show. */
    private static final int MAX_FRAME_BYTES = 64 << 20;

    /** A decoded message, or why the frame was refused. */
    private record Decoded(FileMessage message, ProtocolException refusal) {
    }

    @FuzzTest
    void anyFrameDecodesToAMessageThatRoundTripsOrIsABadFrame(byte[] frame) throws ProtocolException {
        Decoded decoded = AllocationBudget.assertWithin(AllocationBudget.forInput(frame.length), () -> decode(frame));
        if (decoded.refusal() != null) {
            assertEquals(ErrorCode.BAD_FRAME, decoded.refusal().code(), decoded.refusal().getMessage());
            return;
        }
        FileMessage message = decoded.message();
        if (message instanceof FileMessage.Error error && error.message().length() > 1_000) {
            return;   // long error messages are cut when encoded, by design
        }
        byte[] encoded = FileProtocol.encode(message);
        assertEquals(message, FileProtocol.decode(Arrays.copyOfRange(encoded, Integer.BYTES, encoded.length)));
    }

    @FuzzTest
    void anyStreamYieldsFramesWithinTheLimitOrADefinedError(byte[] stream) {
        long bytes = AllocationBudget.assertWithin(AllocationBudget.forInput(stream.length), () -> readAll(stream));
        assertTrue(bytes <= stream.length, bytes + " frame bytes out of a stream of " + stream.length);
    }

    private static Decoded decode(byte[] frame) {
        try {
            return new Decoded(FileProtocol.decode(frame), null);
        } catch (ProtocolException e) {
            return new Decoded(null, e);
        }
    }

    /** Reads frames until the end or a defined error; returns the frame bytes read. */
    private static long readAll(byte[] stream) {
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        long total = 0;
        try {
            for (byte[] frame; (frame = FileProtocol.readFrame(in, MAX_FRAME_BYTES)) != null; ) {
                assertTrue(frame.length >= 1 && frame.length <= MAX_FRAME_BYTES, "frame of " + frame.length + " bytes");
                total += frame.length;
            }
        } catch (ProtocolException e) {
            assertTrue(e.code() == ErrorCode.TOO_LARGE || e.code() == ErrorCode.BAD_FRAME, e.getMessage());
        } catch (EOFException endedInsideAFrame) {
            return total;
        } catch (IOException e) {
            throw new AssertionError("an undefined I/O failure reading from memory", e);
        }
        return total;
    }
}
