package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.FIN;
import static dev.weft.http.internal.websocket.ClientFrames.RSV1;
import static dev.weft.http.internal.websocket.ClientFrames.RSV2;
import static dev.weft.http.internal.websocket.ClientFrames.RSV3;
import static dev.weft.http.internal.websocket.ClientFrames.binary;
import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static dev.weft.http.internal.websocket.ClientFrames.close;
import static dev.weft.http.internal.websocket.ClientFrames.closeWithoutCode;
import static dev.weft.http.internal.websocket.ClientFrames.concat;
import static dev.weft.http.internal.websocket.ClientFrames.frame;
import static dev.weft.http.internal.websocket.ClientFrames.header64;
import static dev.weft.http.internal.websocket.ClientFrames.ping;
import static dev.weft.http.internal.websocket.ClientFrames.pong;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static dev.weft.http.internal.websocket.ClientFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every framing and message rule of RFC 6455, from byte strings: each input is read both as it
 * is and one byte per read, and must give the same outcome both ways.
 */
class MessageReaderTest {

    private static final int MAX_FRAME = 1 << 20;
    private static final long MAX_MESSAGE = 1 << 20;
    private static final byte[] NOTHING = new byte[0];

    /** Reads {@code input} whole and byte by byte; the outcome must be the same. */
    private static ReadOutcome read(byte[] input) {
        return read(input, MAX_FRAME, MAX_MESSAGE, null);
    }

    private static ReadOutcome read(byte[] input, int maxFrame, long maxMessage, DeflateParameters deflate) {
        ReadOutcome whole = ReadOutcome.of(input, Integer.MAX_VALUE, maxFrame, maxMessage, deflate);
        ReadOutcome byteByByte = ReadOutcome.of(input, 1, maxFrame, maxMessage, deflate);
        assertEquals(whole, byteByByte, "reading whole and byte by byte must agree");
        return whole;
    }

    private static void assertFails(int code, byte[] input) {
        assertEquals(code, read(input).failure(), () -> "outcome: " + read(input));
    }

    // ---- messages ---------------------------------------------------------------------------

    @Test
    void readsTextAndBinaryMessagesThenTheClose() {
        ReadOutcome outcome = read(concat(text("hello"), binary(bytes(1, 2, 255)), close(1000, "bye")));
        assertEquals(List.of("TEXT hello", "BINARY 0102ff", "close 1000 bye", "end"), outcome.events());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
    void readsEveryLengthInItsShortestEncoding(int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 'x');
        ReadOutcome outcome = ReadOutcome.of(binary(payload), 7, MAX_FRAME, MAX_MESSAGE, null);
        assertEquals(List.of("BINARY " + HexFormat.of().formatHex(payload), "eof"), outcome.events());
    }

    @Test
    void unmasksPayloadsOfEveryLengthReadInPiecesOfEverySize() {
        byte[] payload = new byte[300];
        new java.util.Random(4).nextBytes(payload);
        for (int length : new int[] {0, 1, 7, 15, 16, 17, 31, 64, 125, 126, 300}) {
            byte[] message = Arrays.copyOf(payload, length);
            for (int piece : new int[] {1, 3, 8, 13, 16, 17, 1000}) {
                ReadOutcome outcome = ReadOutcome.of(binary(message), piece, MAX_FRAME, MAX_MESSAGE, null);
                assertEquals("BINARY " + HexFormat.of().formatHex(message), outcome.events().get(0),
                        "length " + length + " in pieces of " + piece);
            }
        }
    }

    @Test
    void reassemblesFragmentsWithControlFramesBetweenThem() {
        ReadOutcome outcome = read(concat(
                frame(0x1, utf8("Hel")),
                ping(bytes(1, 2)),
                frame(0x0, utf8("lo, ")),
                pong(NOTHING),
                frame(FIN | 0x0, utf8("world"))));
        assertEquals(List.of("ping 0102", "pong ", "TEXT Hello, world", "eof"), outcome.events());
    }

    @Test
    void reassemblesOneByteFragmentsAndEmptyOnes() {
        byte[] text = utf8("κόσμε");
        byte[][] frames = new byte[text.length + 2][];
        frames[0] = frame(0x1, NOTHING);
        for (int i = 0; i < text.length; i++) {
            frames[i + 1] = frame(0x0, new byte[] {text[i]});
        }
        frames[text.length + 1] = frame(FIN | 0x0, NOTHING);
        assertEquals(List.of("TEXT κόσμε", "eof"), read(concat(frames)).events());
    }

    @Test
    void acceptsACharacterSplitAcrossFragments() {
        byte[] euro = utf8("€");
        ReadOutcome outcome = read(concat(frame(0x1, new byte[] {euro[0]}), frame(FIN, new byte[] {euro[1], euro[2]})));
        assertEquals(List.of("TEXT €", "eof"), outcome.events());
    }

    @Test
    void controlFramesMayCarry125Bytes() {
        byte[] payload = new byte[125];
        assertEquals("ping " + HexFormat.of().formatHex(payload), read(ping(payload)).events().get(0));
    }

    // ---- frame rules --------------------------------------------------------------------------

    @Test
    void anUnmaskedFrameIsAProtocolError() {
        assertFails(1002, frame(FIN | 0x1, utf8("hi"), 7, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void aReservedOpcodeIsAProtocolError(int opcode) {
        assertFails(1002, concat(text("before"), frame(FIN | opcode, NOTHING)));
        assertEquals(List.of("TEXT before"), read(concat(text("before"), frame(FIN | opcode, NOTHING))).events());
    }

    @ParameterizedTest
    @ValueSource(ints = {RSV1, RSV2, RSV3, RSV1 | RSV2 | RSV3})
    void reservedBitsWithoutAnExtensionAreAProtocolError(int bits) {
        assertFails(1002, frame(FIN | bits | 0x1, utf8("hi")));
        assertFails(1002, frame(FIN | bits | 0x9, NOTHING));
    }

    @Test
    void withDeflateRsv1IsRefusedOnContinuationAndControlFrames() {
        DeflateParameters deflate = new DeflateParameters(false, false);
        assertEquals(1002, read(concat(frame(0x1, utf8("a")), frame(FIN | RSV1, utf8("b"))), MAX_FRAME, MAX_MESSAGE,
                deflate).failure());
        assertEquals(1002, read(frame(FIN | RSV1 | 0x9, NOTHING), MAX_FRAME, MAX_MESSAGE, deflate).failure());
        assertEquals(1002, read(frame(FIN | RSV2 | 0x1, utf8("a")), MAX_FRAME, MAX_MESSAGE, deflate).failure());
    }

    @Test
    void aFragmentedControlFrameIsAProtocolError() {
        assertFails(1002, frame(0x9, bytes(1)));
        assertFails(1002, frame(0x8, bytes(3, 0xE8)));
    }

    @Test
    void aControlFrameOver125BytesIsAProtocolError() {
        assertFails(1002, ping(new byte[126]));
        assertFails(1002, pong(new byte[126]));
        assertFails(1002, frame(FIN | 0x8, concat(bytes(3, 0xE8), new byte[124])));
    }

    @Test
    void aLengthNotInItsShortestEncodingIsAProtocolError() {
        assertFails(1002, frame(FIN | 0x2, new byte[5], 16, true));
        assertFails(1002, frame(FIN | 0x2, new byte[125], 16, true));
        assertFails(1002, frame(FIN | 0x2, new byte[200], 64, true));
        assertFails(1002, frame(FIN | 0x2, new byte[65_535], 64, true));
    }

    @Test
    void aSixtyFourBitLengthWithItsTopBitSetIsAProtocolError() {
        assertFails(1002, header64(FIN | 0x2, Long.MIN_VALUE + 70_000));
        assertFails(1002, header64(FIN | 0x2, -1L));
    }

    @Test
    void aFrameOverTheLimitIsRefusedWith1009BeforeItsPayloadArrives() {
        // only the header is sent: the refusal must not wait for the payload
        ReadOutcome outcome = read(header64(FIN | 0x2, 5_000_000), 1000, 1000, null);
        assertEquals(1009, outcome.failure());
        assertEquals(1009, read(frame(FIN | 0x2, new byte[1001]), 1000, 1000, null).failure());
        assertEquals(List.of("BINARY " + "00".repeat(1000), "eof"),
                read(frame(FIN | 0x2, new byte[1000]), 1000, 1000, null).events());
    }

    @Test
    void aMessageOverTheLimitIsRefusedWith1009AsSoonAsAFragmentPassesIt() {
        byte[] input = concat(frame(0x2, new byte[600]), frame(0x0, new byte[600]));
        ReadOutcome outcome = read(input, 1000, 1000, null);
        assertEquals(1009, outcome.failure());
        assertEquals(List.of("BINARY " + "00".repeat(1000), "eof"),
                read(concat(frame(0x2, new byte[600]), frame(FIN, new byte[400])), 1000, 1000, null).events());
    }

    // ---- fragmentation rules ------------------------------------------------------------------

    @Test
    void aContinuationWithoutAMessageToContinueIsAProtocolError() {
        assertFails(1002, frame(FIN | 0x0, utf8("orphan")));
        assertFails(1002, concat(text("whole"), frame(0x0, utf8("orphan"))));
    }

    @Test
    void aNewMessageWhileOneIsFragmentedIsAProtocolError() {
        assertFails(1002, concat(frame(0x1, utf8("first")), frame(FIN | 0x1, utf8("second"))));
        assertFails(1002, concat(frame(0x2, bytes(1)), frame(0x2, bytes(2))));
    }

    // ---- UTF-8 --------------------------------------------------------------------------------

    @Test
    void invalidUtf8InATextMessageIs1007() {
        assertFails(1007, frame(FIN | 0x1, bytes(0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5, 0xED,
                0xA0, 0x80, 0x65, 0x64, 0x69, 0x74, 0x65, 0x64)));
        assertFails(1007, frame(FIN | 0x1, bytes(0xF4, 0x90, 0x80, 0x80)));
        assertFails(1007, frame(FIN | 0x1, bytes(0xC0, 0xAF)));
    }

    @Test
    void aTextMessageEndingInsideACharacterIs1007() {
        assertFails(1007, frame(FIN | 0x1, bytes(0x41, 0xE2, 0x82)));
        assertFails(1007, concat(frame(0x1, bytes(0xE2)), frame(FIN, bytes(0x82))));
    }

    @Test
    void invalidUtf8FailsFastBeforeTheRestOfTheMessageArrives() {
        // a fragment proves the message invalid; the rest never comes: 1007, not end-of-stream
        assertFails(1007, frame(0x1, bytes(0x41, 0xED, 0xA0, 0x80)));
        // inside one frame whose payload is cut short after the bad bytes
        byte[] frame = frame(FIN | 0x1, concat(bytes(0x41, 0xF5), new byte[100]));
        assertFails(1007, Arrays.copyOf(frame, 8));
    }

    @Test
    void binaryMessagesAreNotCheckedAsUtf8() {
        assertEquals(List.of("BINARY eda080", "eof"), read(binary(bytes(0xED, 0xA0, 0x80))).events());
    }

    // ---- close frames -------------------------------------------------------------------------

    @Test
    void aCloseWithoutPayloadHasNoStatus() {
        assertEquals(List.of("close 1005", "end"), read(closeWithoutCode()).events());
    }

    @Test
    void nothingIsReadAfterTheCloseFrame() {
        assertEquals(List.of("close 1000", "end"), read(concat(close(1000, ""), text("late"))).events());
    }

    @Test
    void aCloseWithAOneBytePayloadIsAProtocolError() {
        assertFails(1002, frame(FIN | 0x8, bytes(3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void aValidCloseCodeIsAccepted(int code) {
        assertEquals(List.of("close " + code + " why", "end"), read(close(code, "why")).events());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65_535})
    void anInvalidCloseCodeIsAProtocolError(int code) {
        assertFails(1002, close(code, ""));
    }

    @Test
    void aCloseReasonThatIsNotUtf8Is1007() {
        assertFails(1007, frame(FIN | 0x8, bytes(0x03, 0xE8, 0xCE, 0xBA, 0xED, 0xA0, 0x80)));
    }

    @Test
    void aCloseInTheMiddleOfAFragmentedMessageEndsIt() {
        assertEquals(List.of("close 1000", "closed mid-message"),
                read(concat(frame(0x1, utf8("half")), close(1000, ""))).events());
    }

    @Test
    void theEndOfTheStreamInsideAFrameIsReported() {
        byte[] frame = text("truncated");
        assertEquals(List.of("eof"), read(Arrays.copyOf(frame, frame.length - 2)).events());
        assertEquals(List.of("eof"), read(Arrays.copyOf(frame, 1)).events());
    }
}
