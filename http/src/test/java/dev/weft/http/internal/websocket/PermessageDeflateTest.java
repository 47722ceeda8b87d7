package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.FIN;
import static dev.weft.http.internal.websocket.ClientFrames.RSV1;
import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static dev.weft.http.internal.websocket.ClientFrames.concat;
import static dev.weft.http.internal.websocket.ClientFrames.frame;
import static dev.weft.http.internal.websocket.ClientFrames.ping;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static dev.weft.http.internal.websocket.ClientFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7692 on the message level: decompression bounded by the limit, compression the peer can decode. */
class PermessageDeflateTest {

    private static final DeflateParameters TAKEOVER = new DeflateParameters(false, false);
    private static final DeflateParameters NO_TAKEOVER = new DeflateParameters(true, true);

    private static ReadOutcome read(byte[] input, long maxMessage, DeflateParameters parameters) {
        ReadOutcome whole = ReadOutcome.of(input, Integer.MAX_VALUE, (int) Math.min(maxMessage, 1 << 20), maxMessage,
                parameters);
        ReadOutcome byteByByte = ReadOutcome.of(input, 1, (int) Math.min(maxMessage, 1 << 20), maxMessage, parameters);
        assertEquals(whole, byteByByte, "reading whole and byte by byte must agree");
        return whole;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void compressedMessagesAreInflatedWithAndWithoutContextTakeover(boolean takeover) {
        try (ClientDeflate client = new ClientDeflate(takeover)) {
            String first = "Hello, Hello, Hello, Hello compressed world";
            byte[] input = concat(
                    frame(FIN | RSV1 | 0x1, client.compress(utf8(first))),
                    frame(FIN | RSV1 | 0x1, client.compress(utf8(first))),
                    text("plain in between"),
                    frame(FIN | RSV1 | 0x2, client.compress(new byte[1000])));
            ReadOutcome outcome = read(input, 1 << 20, takeover ? TAKEOVER : NO_TAKEOVER);
            assertEquals(List.of("TEXT " + first, "TEXT " + first, "TEXT plain in between",
                    "BINARY " + "00".repeat(1000), "eof"), outcome.events());
        }
    }

    @Test
    void aCompressedMessageMayBeFragmentedAnywhereWithControlFramesBetween() {
        try (ClientDeflate client = new ClientDeflate(true)) {
            byte[] compressed = client.compress(utf8("fragmented ".repeat(50)));
            int third = compressed.length / 3;
            byte[] input = concat(
                    frame(RSV1 | 0x1, Arrays.copyOfRange(compressed, 0, third)),
                    ping(bytes(7)),
                    frame(0x0, Arrays.copyOfRange(compressed, third, 2 * third)),
                    frame(0x0, new byte[0]),
                    frame(FIN, Arrays.copyOfRange(compressed, 2 * third, compressed.length)));
            assertEquals(List.of("ping 07", "TEXT " + "fragmented ".repeat(50), "eof"),
                    read(input, 1 << 20, TAKEOVER).events());
        }
    }

    @Test
    void aDeflateBombStopsAtTheMessageLimitWith1009() {
        try (ClientDeflate client = new ClientDeflate(true)) {
            byte[] bomb = client.compress(new byte[50 << 20]);
            assertTrue(bomb.length < 100_000, "50 MiB of zeros compress to " + bomb.length + " bytes");
            ReadOutcome outcome = read(frame(FIN | RSV1 | 0x2, bomb), 1 << 20, TAKEOVER);
            assertEquals(1009, outcome.failure(), outcome.toString());
        }
    }

    @Test
    void invalidCompressedDataIs1007() {
        assertEquals(1007, read(frame(FIN | RSV1 | 0x2, bytes(0xFF, 0xFF, 0xFF, 0xFF)), 1 << 20, TAKEOVER).failure());
    }

    @Test
    void invalidUtf8InsideCompressedTextIs1007() {
        try (ClientDeflate client = new ClientDeflate(true)) {
            byte[] input = frame(FIN | RSV1 | 0x1, client.compress(bytes(0x41, 0xED, 0xA0, 0x80)));
            assertEquals(1007, read(input, 1 << 20, TAKEOVER).failure());
        }
    }

    @Test
    void anEmptyCompressedMessageIsASingleZeroByte() {
        assertEquals(List.of("TEXT ", "eof"), read(frame(FIN | RSV1 | 0x1, bytes(0)), 1 << 20, TAKEOVER).events());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theServersCompressedMessagesDecodeWithAndWithoutContextTakeover(boolean takeover) throws DataFormatException {
        MessageDeflater deflater = new MessageDeflater(new DeflateParameters(!takeover, false));
        try (ClientDeflate client = new ClientDeflate(true)) {
            for (int i = 0; i < 5; i++) {
                byte[] message = utf8(("message " + i + " repeats itself, ").repeat(20));
                byte[] compressed = deflater.compress(message, 0, message.length, true);
                assertTrue(compressed.length < message.length / 3, "compressed to " + compressed.length);
                if (!takeover) {
                    client.resetInflater();
                }
                assertArrayEquals(message, client.decompress(compressed));
            }
            // a message sent in pieces: each flushed, the tail stripped only from the last
            byte[] a = utf8("first piece, ".repeat(10));
            byte[] b = utf8("second piece".repeat(10));
            byte[] whole = concat(deflater.compress(a, 0, a.length, false), deflater.compress(b, 0, b.length, true));
            if (!takeover) {
                client.resetInflater();
            }
            assertArrayEquals(concat(a, b), client.decompress(whole));
            byte[] nothing = deflater.compress(new byte[0], 0, 0, true);
            assertArrayEquals(new byte[0], client.decompress(nothing));
        } finally {
            deflater.release();
        }
    }
}
