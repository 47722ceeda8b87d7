package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.testing.AllocationBudget;
import java.util.Arrays;
import java.util.Set;

/**
 * Fuzzes the frame and message readers as a session wires them: any bytes, arriving in reads of
 * any size, give messages (then the peer's close or the end of the stream), or a protocol
 * failure with one of the close codes the RFC assigns — 1002, 1007, 1009 — and no other
 * exception, no hang, no allocation in proportion to a length the client merely claims, no
 * message over the limit; and the outcome does not depend on how the bytes were split.
 *
 * <p>The first input byte picks the size of the network reads; bit 0 of the second whether
 * {@code permessage-deflate} was negotiated, bit 1 whether without context takeover; the rest
 * is what the client sends. Seeds: {@code
 * src/test/resources/dev/weft/http/internal/websocket/MessageReaderFuzzTestInputs}.
 */
class MessageReaderFuzzTest {

    private static final int MAX_FRAME_BYTES = 4096;
    private static final long MAX_MESSAGE_BYTES = 8192;
    private static final Set<Integer> CLOSE_CODES = Set.of(0, 1002, 1007, 1009);

    @FuzzTest
    void anyFramesGiveMessagesOrADefinedCloseCode(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int bytesPerRead = 1 + (input[0] & 0xff);
        DeflateParameters deflate = (input[1] & 1) == 0 ? null
                : new DeflateParameters((input[1] & 2) != 0, (input[1] & 2) != 0);
        byte[] frames = Arrays.copyOfRange(input, 2, input.length);
        ReadOutcome split = AllocationBudget.assertWithin(AllocationBudget.forInput(input.length),
                () -> ReadOutcome.of(frames, bytesPerRead, MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, deflate));
        assertTrue(CLOSE_CODES.contains(split.failure()), "undefined close code " + split.failure());
        for (String event : split.events()) {
            assertTrue(event.length() <= 7 + 2 * MAX_MESSAGE_BYTES, "a message over the limit");
        }
        ReadOutcome whole = ReadOutcome.of(frames, Integer.MAX_VALUE, MAX_FRAME_BYTES, MAX_MESSAGE_BYTES, deflate);
        assertEquals(whole, split, "the outcome must not depend on how the bytes were split");
    }
}
