package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.testing.AllocationBudget;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the HTTP/2 decoders from bytes: any header block decodes or fails with
 * {@link HpackException} (never another exception) within a small multiple of its size in
 * allocations, whatever lengths and indexes it claims; any byte stream read as frames, split into
 * reads of any size, gives the same frames and the same error as read whole. Seeds:
 * {@code src/test/resources/dev/weft/http/internal/h2/Http2CodecFuzzTestInputs}; fuzzing mode:
 * {@code JAZZER_FUZZ=1} (add the targets to {@code scripts/fuzz.sh}).
 */
class Http2CodecFuzzTest {

    @FuzzTest
    void anyHeaderBlockDecodesOrIsACompressionError(byte[] input) {
        AllocationBudget.assertWithin(AllocationBudget.forInput(input.length), () -> decodeTwice(input));
    }

    /** Two blocks through one decoder (the first may fill the table the second refers to). */
    private static String decodeTwice(byte[] input) {
        HpackDecoder decoder = new HpackDecoder(4096);
        int half = input.length / 2;
        StringBuilder outcome = new StringBuilder();
        for (byte[] block : new byte[][] {Arrays.copyOfRange(input, 0, half), Arrays.copyOfRange(input, half,
                input.length)}) {
            try {
                HeaderFields fields = decoder.decode(block, 0, block.length, 16_384);
                assertTrue(fields.exceeded() || fields.listBytes() <= 16_384);
                assertTrue(decoder.tableSize() <= 4096);
                outcome.append(fields.size()).append(' ');
            } catch (HpackException e) {
                return outcome.append("error").toString();
            }
        }
        return outcome.toString();
    }

    @FuzzTest
    void anyByteStreamReadsAsTheSameFramesHoweverItIsSplit(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int bytesPerRead = 1 + (input[0] & 0x3f);
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        List<String> piecewise = AllocationBudget.assertWithin(AllocationBudget.forInput(input.length),
                () -> frames(stream, bytesPerRead));
        assertEquals(frames(stream, Math.max(1, stream.length)), piecewise);
    }

    private static List<String> frames(byte[] bytes, int bytesPerRead) {
        FrameReader reader = new FrameReader(wire(bytes, bytesPerRead), new byte[0], 16_384);
        List<String> frames = new ArrayList<>();
        try {
            for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                frames.add(describe(frame));
            }
        } catch (EOFException e) {
            frames.add("truncated");
        } catch (ConnectionError e) {
            frames.add("connection error " + e.code());
        } catch (StreamError e) {
            frames.add("stream error " + e.code() + " on " + e.streamId());
        } catch (IOException e) {
            throw new AssertionError("a wire over an array does not fail", e);
        }
        return frames;
    }

    private static String describe(Frame frame) {
        return switch (frame) {
            case Frame.Data data -> "DATA " + data.streamId() + " " + Arrays.toString(data.data().copy())
                    + " " + data.flowLength() + " " + data.endStream();
            case Frame.Headers headers -> "HEADERS " + headers.streamId() + " "
                    + Arrays.toString(headers.fragment().copy()) + " " + headers.dependency();
            case Frame.Continuation continuation -> "CONTINUATION " + continuation.streamId() + " "
                    + Arrays.toString(continuation.fragment().copy());
            default -> frame.toString();
        };
    }

    private static Wire wire(byte[] bytes, int chunk) {
        return new ArrayWire(bytes, chunk);
    }
}
