package dev.weft.samples.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FileProtocolTest {

    private static final Sha256 SHA = new Sha256(new byte[32]);

    static Stream<FileMessage> everyMessage() {
        return Stream.of(
                new FileMessage.ListRequest(""),
                new FileMessage.ListRequest("docs/ünïcode"),
                new FileMessage.GetRequest("a/b.bin", 1L << 40),
                new FileMessage.PutRequest("up.bin", 123, SHA),
                new FileMessage.HashRequest("x"),
                new FileMessage.Listing(true, List.of(new FileMessage.Entry("f", FileMessage.Kind.FILE, 7),
                        new FileMessage.Entry("d", FileMessage.Kind.DIRECTORY, 0))),
                new FileMessage.Listing(false, List.of()),
                new FileMessage.Data(10, 4, 6),
                new FileMessage.Ready(99),
                new FileMessage.Stored(99, SHA),
                new FileMessage.HashResult(5, SHA),
                new FileMessage.Error(ErrorCode.NOT_FOUND, "no such file: x"));
    }

    @ParameterizedTest
    @MethodSource("everyMessage")
    void everyMessageSurvivesEncodeReadFrameDecode(FileMessage message) throws IOException {
        byte[] encoded = FileProtocol.encode(message);
        ByteArrayInputStream in = new ByteArrayInputStream(encoded);
        byte[] frame = FileProtocol.readFrame(in, 1 << 16);
        assertEquals(message, FileProtocol.decode(frame));
        assertNull(FileProtocol.readFrame(in, 1 << 16), "a clean end of stream between frames");
    }

    @Test
    void theWireFormatIsLengthTypeBody() {
        byte[] encoded = FileProtocol.encode(new FileMessage.GetRequest("ab", 258));
        assertEquals("0000000d" + "02" + "0002" + "6162" + "0000000000000102", HexFormat.of().formatHex(encoded));
    }

    @Test
    void aFrameLongerThanTheLimitIsRefusedWithBothNumbers() {
        byte[] encoded = FileProtocol.encode(new FileMessage.ListRequest("x".repeat(100)));
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> FileProtocol.readFrame(new ByteArrayInputStream(encoded), 64));
        assertEquals(ErrorCode.TOO_LARGE, e.code());
        assertEquals("frame length (103) exceeds the allowed maximum (64)", e.getMessage());
    }

    @Test
    void aStreamEndingInsideAFrameIsAnEofNotACleanEnd() {
        byte[] encoded = FileProtocol.encode(new FileMessage.HashRequest("name"));
        assertThrows(EOFException.class, () -> FileProtocol.readFrame(
                new ByteArrayInputStream(Arrays.copyOf(encoded, encoded.length - 1)), 1 << 16));
        assertThrows(EOFException.class, () -> FileProtocol.readFrame(new ByteArrayInputStream(new byte[] {0, 0}), 64));
    }

    @Test
    void malformedFramesAreBadFrameErrors() {
        assertBadFrame("unknown message type 0x7f", new byte[] {0x7f});
        assertBadFrame("frame of 3 bytes ends too early", new byte[] {(byte) FileProtocol.GET, 0, 5});
        assertBadFrame("a string is not valid UTF-8", new byte[] {(byte) FileProtocol.HASH, 0, 2, (byte) 0xC3, 0x28});
        assertBadFrame("1 bytes left over after a message of type 0x4", new byte[] {(byte) FileProtocol.HASH, 0, 0, 9});
        assertBadFrame("size or offset out of range: 18446744073709551615",
                new byte[] {(byte) FileProtocol.READY, -1, -1, -1, -1, -1, -1, -1, -1});
        assertBadFrame("listing announces 1000000 entries in 0 bytes",
                new byte[] {(byte) FileProtocol.LISTING, 0, 0, 0x0f, 0x42, 0x40});
        assertBadFrame("unknown error code 999", new byte[] {(byte) FileProtocol.ERROR, 0x03, (byte) 0xe7, 0, 0});
    }

    private static void assertBadFrame(String message, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> FileProtocol.decode(frame));
        assertEquals(ErrorCode.BAD_FRAME, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void sha256IsComparedByValueAndPrintedInHex() {
        byte[] bytes = new byte[32];
        bytes[31] = 1;
        assertEquals(new Sha256(bytes.clone()), new Sha256(bytes));
        assertEquals("00".repeat(31) + "01", new Sha256(bytes).hex());
        assertArrayEquals(bytes, new Sha256(bytes).bytes());
        assertThrows(IllegalArgumentException.class, () -> new Sha256(new byte[31]));
    }
}
