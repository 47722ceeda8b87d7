package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frame codec from bytes: no socket, each rule of RFC 9113 section 4 and 6 a case. */
class FrameReaderTest {

    private static Wire wire(byte[] bytes, int chunk) {
        return new ArrayWire(bytes, chunk);
    }

    private static byte[] frame(int type, int flags, int streamId, byte[] payload) {
        byte[] frame = new byte[9 + payload.length];
        FrameEncoder.header(frame, 0, payload.length, type, flags, streamId);
        System.arraycopy(payload, 0, frame, 9, payload.length);
        return frame;
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static Frame read(byte[] bytes) throws Exception {
        return new FrameReader(wire(bytes, bytes.length), new byte[0], 16_384).next();
    }

    private static ErrorCode connectionError(byte[] bytes) {
        return assertThrows(ConnectionError.class, () -> read(bytes)).code();
    }

    @Test
    void framesSplitAcrossReadsOfOneByteAreReassembled() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(frame(Frame.DATA, Frame.FLAG_END_STREAM, 1, "hello".getBytes()));
        bytes.writeBytes(frame(Frame.PING, 0, 0, hex("0102030405060708")));
        FrameReader reader = new FrameReader(wire(bytes.toByteArray(), 1), new byte[0], 16_384);
        Frame.Data data = assertInstanceOf(Frame.Data.class, reader.next());
        assertArrayEquals("hello".getBytes(), data.data().copy());
        assertTrue(data.endStream());
        assertEquals(5, data.flowLength());
        assertEquals(0x0102030405060708L, assertInstanceOf(Frame.Ping.class, reader.next()).opaque());
        assertNull(reader.next(), "a clean end between frames");
    }

    @Test
    void theBufferGrowsForABigFrameAndShrinksWhenEmpty() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(frame(Frame.DATA, 0, 1, new byte[16_384]));
        bytes.writeBytes(frame(Frame.PING, 0, 0, new byte[8]));
        FrameReader reader = new FrameReader(wire(bytes.toByteArray(), 100_000), new byte[0], 16_384);
        assertEquals(16_384, assertInstanceOf(Frame.Data.class, reader.next()).data().length());
        reader.shrinkIfEmpty();
        assertInstanceOf(Frame.Ping.class, reader.next(), "a buffer with unread bytes is kept");
        reader.shrinkIfEmpty();
        assertNull(reader.next());
    }

    @Test
    void alreadyReadBytesAreReadFirst() throws Exception {
        byte[] ping = frame(Frame.PING, Frame.FLAG_ACK, 0, new byte[8]);
        FrameReader reader = new FrameReader(wire(new byte[0], 1), ping, 16_384);
        assertTrue(assertInstanceOf(Frame.Ping.class, reader.next()).ack());
    }

    @Test
    void anEndOfStreamInsideAFrameIsAnError() {
        byte[] truncated = java.util.Arrays.copyOf(frame(Frame.PING, 0, 0, new byte[8]), 12);
        assertThrows(EOFException.class, () -> read(truncated));
    }

    @Test
    void paddingIsStrippedButCountedForFlowControl() throws Exception {
        Frame.Data data = assertInstanceOf(Frame.Data.class,
                read(frame(Frame.DATA, Frame.FLAG_PADDED, 1, hex("03 6869 000000"))));
        assertArrayEquals("hi".getBytes(), data.data().copy());
        assertEquals(6, data.flowLength());
    }

    @Test
    void headersWithPriorityAndPaddingExposeTheFragmentAndDependency() throws Exception {
        Frame.Headers headers = assertInstanceOf(Frame.Headers.class, read(frame(Frame.HEADERS,
                Frame.FLAG_PADDED | Frame.FLAG_PRIORITY | Frame.FLAG_END_HEADERS, 3, hex("01 80000005 10 82 00"))));
        assertEquals(5, headers.dependency());
        assertArrayEquals(hex("82"), headers.fragment().copy());
        assertTrue(headers.endHeaders());
    }

    @Test
    void settingsAreParsedInOrder() throws Exception {
        Frame.Settings settings = assertInstanceOf(Frame.Settings.class,
                read(frame(Frame.SETTINGS, 0, 0, hex("0003 00000064 0004 0000ffff 00ff 00000001"))));
        assertEquals(List.of(new Frame.Setting(3, 100), new Frame.Setting(4, 65_535), new Frame.Setting(0xff, 1)),
                settings.settings());
    }

    @Test
    void anUnknownTypeIsReturnedForTheConnectionToIgnore() throws Exception {
        Frame.Unknown unknown = assertInstanceOf(Frame.Unknown.class, read(frame(0xfa, 0xff, 7, new byte[3])));
        assertEquals(0xfa, unknown.type());
    }

    @Test
    void aFrameOverOurMaximumIsRefusedFromItsHeaderAlone() {
        byte[] header = new byte[9];
        FrameEncoder.header(header, 0, 1 << 20, Frame.DATA, 0, 1);
        assertEquals(ErrorCode.FRAME_SIZE_ERROR, connectionError(header));
    }

    @Test
    void aBadPriorityLengthIsAStreamError() {
        StreamError error = assertThrows(StreamError.class, () -> read(frame(Frame.PRIORITY, 0, 3, new byte[4])));
        assertEquals(3, error.streamId());
        assertEquals(ErrorCode.FRAME_SIZE_ERROR, error.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "000001 00 08 00000001 05",              // DATA: padded, pad length 5 > payload
        "000002 00 08 00000001 02 00",           // DATA: pad length equal to the payload length
        "000000 00 00 00000000",                 // DATA on stream 0
        "000000 01 04 00000000",                 // HEADERS on stream 0
        "000004 01 20 00000001 00000000",        // HEADERS: PRIORITY flag with 4 octets
        "000000 03 00 00000001",                 // RST_STREAM of 0 octets
        "000004 03 00 00000000 00000000",        // RST_STREAM on stream 0
        "000006 04 01 00000000 000000000000",    // SETTINGS ACK with payload
        "000004 04 00 00000000 00000000",        // SETTINGS of 4 octets
        "000000 04 00 00000001",                 // SETTINGS on stream 1
        "000006 04 00 00000000 0002 00000002",   // ENABLE_PUSH 2
        "000006 04 00 00000000 0004 80000000",   // INITIAL_WINDOW_SIZE 2^31
        "000006 04 00 00000000 0005 00003fff",   // MAX_FRAME_SIZE 16383
        "000006 04 00 00000000 0005 01000000",   // MAX_FRAME_SIZE 2^24
        "000004 05 04 00000001 00000002",        // PUSH_PROMISE from a client
        "000007 06 00 00000000 00000000000000",  // PING of 7 octets
        "000008 06 00 00000001 0000000000000000",// PING on stream 1
        "000004 07 00 00000000 00000000",        // GOAWAY of 4 octets
        "000008 07 00 00000003 0000000000000000",// GOAWAY on stream 3
        "000003 08 00 00000000 000001",          // WINDOW_UPDATE of 3 octets
        "000000 09 04 00000000",                 // CONTINUATION on stream 0
    })
    void everyFrameLevelViolationIsAConnectionErrorWithItsCode(String frame) {
        ConnectionError error = assertThrows(ConnectionError.class, () -> read(hex(frame)));
        assertTrue(error.getMessage().length() > 5, "the message says what was wrong: " + error.getMessage());
    }

    @Test
    void theCodesOfFrameLevelViolationsAreTheRfcs() {
        assertEquals(ErrorCode.PROTOCOL_ERROR, connectionError(hex("000001 00 08 00000001 05")));
        assertEquals(ErrorCode.FRAME_SIZE_ERROR, connectionError(hex("000000 03 00 00000001")));
        assertEquals(ErrorCode.FLOW_CONTROL_ERROR, connectionError(hex("000006 04 00 00000000 0004 80000000")));
        assertEquals(ErrorCode.FRAME_SIZE_ERROR, connectionError(hex("000006 04 01 00000000 000000000000")));
        assertEquals(ErrorCode.PROTOCOL_ERROR, connectionError(hex("000004 05 04 00000001 00000002")));
    }

    @Test
    void aHeaderBlockIsSplitIntoHeadersAndContinuationsOfTheMaximumSize() throws IOException, ConnectionError,
            StreamError {
        byte[] block = new byte[40_000];
        byte[] frames = FrameEncoder.headerBlock(5, block, true, 16_384);
        FrameReader reader = new FrameReader(wire(frames, frames.length), new byte[0], 16_384);
        Frame.Headers first = assertInstanceOf(Frame.Headers.class, reader.next());
        assertEquals(16_384, first.fragment().length());
        assertTrue(first.endStream());
        assertTrue(!first.endHeaders());
        assertEquals(16_384, assertInstanceOf(Frame.Continuation.class, reader.next()).fragment().length());
        Frame.Continuation last = assertInstanceOf(Frame.Continuation.class, reader.next());
        assertEquals(40_000 - 2 * 16_384, last.fragment().length());
        assertTrue(last.endHeaders());
    }
}
