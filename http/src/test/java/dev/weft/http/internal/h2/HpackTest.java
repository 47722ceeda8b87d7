package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HPACK against every example of RFC 7541 Appendix C, and the decoder's error cases. */
class HpackTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static List<String> decode(HpackDecoder decoder, String block) throws HpackException {
        byte[] bytes = hex(block);
        HeaderFields fields = decoder.decode(bytes, 0, bytes.length, NO_LIMIT);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            lines.add(fields.name(i) + ": " + fields.value(i));
        }
        return lines;
    }

    @Test
    void appendixC2LiteralAndIndexedRepresentationsDecode() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(4096);
        assertEquals(List.of("custom-key: custom-header"),
                decode(decoder, "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572"));
        assertEquals(55, decoder.tableSize());

        HpackDecoder without = new HpackDecoder(4096);
        assertEquals(List.of(":path: /sample/path"), decode(without, "040c 2f73 616d 706c 652f 7061 7468"));
        assertEquals(0, without.tableSize());

        HpackDecoder never = new HpackDecoder(4096);
        byte[] block = hex("1008 7061 7373 776f 7264 0673 6563 7265 74");
        HeaderFields fields = never.decode(block, 0, block.length, NO_LIMIT);
        assertEquals("password", fields.name(0));
        assertEquals("secret", fields.value(0));
        assertTrue(fields.neverIndexed(0), "a never-indexed literal stays marked never-indexed");
        assertEquals(0, never.tableSize());

        assertEquals(List.of(":method: GET"), decode(new HpackDecoder(4096), "82"));
    }

    @Test
    void appendixC3RequestsWithoutHuffmanShareTheDynamicTable() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(4096);
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                decode(decoder, "8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"));
        assertEquals(57, decoder.tableSize());
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                        "cache-control: no-cache"),
                decode(decoder, "8286 84be 5808 6e6f 2d63 6163 6865"));
        assertEquals(110, decoder.tableSize());
        assertEquals(List.of(":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com",
                        "custom-key: custom-value"),
                decode(decoder, "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65"));
        assertEquals(164, decoder.tableSize());
        assertEquals(3, decoder.tableLength());
    }

    @Test
    void appendixC4RequestsWithHuffmanShareTheDynamicTable() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(4096);
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                decode(decoder, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"));
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                        "cache-control: no-cache"),
                decode(decoder, "8286 84be 5886 a8eb 1064 9cbf"));
        assertEquals(List.of(":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com",
                        "custom-key: custom-value"),
                decode(decoder, "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"));
        assertEquals(164, decoder.tableSize());
    }

    private static final List<String> C5_FIRST = List.of(":status: 302", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com");
    private static final List<String> C5_SECOND = List.of(":status: 307", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com");
    private static final List<String> C5_THIRD = List.of(":status: 200", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:22 GMT", "location: https://www.example.com", "content-encoding: gzip",
            "set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1");

    @Test
    void appendixC5ResponsesWithoutHuffmanEvictFromA256OctetTable() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(256);
        assertEquals(C5_FIRST, decode(decoder, "4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63"
                + " 7420 3230 3133 2032 303a 3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70"
                + " 6c65 2e63 6f6d"));
        assertEquals(222, decoder.tableSize());
        assertEquals(C5_SECOND, decode(decoder, "4803 3330 37c1 c0bf"));
        assertEquals(222, decoder.tableSize());
        assertEquals(C5_THIRD, decode(decoder, "88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133"
                + " 3a32 3220 474d 54c0 5a04 677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049"
                + " 5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e 3d31"));
        assertEquals(215, decoder.tableSize());
        assertEquals(3, decoder.tableLength());
    }

    @Test
    void appendixC6ResponsesWithHuffmanEvictFromA256OctetTable() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(256);
        assertEquals(C5_FIRST, decode(decoder, "4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504"
                + " 0b81 66e0 82a6 2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3"));
        assertEquals(222, decoder.tableSize());
        assertEquals(C5_SECOND, decode(decoder, "4883 640e ffc1 c0bf"));
        assertEquals(222, decoder.tableSize());
        assertEquals(C5_THIRD, decode(decoder, "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff"
                + " c05a 839b d9ab 77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f"
                + " 9587 3160 65c0 03ed 4ee5 b106 3d50 07"));
        assertEquals(215, decoder.tableSize());
    }

    @Test
    void huffmanEncodingMatchesTheAppendixC4Strings() throws HpackException {
        for (String[] example : new String[][] {
            {"www.example.com", "f1e3 c2e5 f23a 6ba0 ab90 f4ff"},
            {"no-cache", "a8eb 1064 9cbf"},
            {"custom-key", "25a8 49e9 5ba9 7d7f"},
            {"custom-value", "25a8 49e9 5bb8 e8b4 bf"},
        }) {
            byte[] expected = hex(example[1]);
            byte[] out = new byte[expected.length];
            assertEquals(expected.length, HpackHuffman.encodedLength(example[0]));
            assertEquals(expected.length, HpackHuffman.encode(example[0], out, 0));
            assertArrayEquals(expected, out, example[0]);
            assertEquals(example[0], HpackHuffman.decode(out, 0, out.length));
        }
    }

    @Test
    void everyOctetSurvivesAHuffmanRoundTrip() throws HpackException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 256; c++) {
            all.append(c);
        }
        String value = all.toString();
        byte[] out = new byte[HpackHuffman.encodedLength(value)];
        HpackHuffman.encode(value, out, 0);
        assertEquals(value, HpackHuffman.decode(out, 0, out.length));
    }

    @Test
    void encoderOutputDecodesToTheSameFieldsAndRepeatsCompressToIndexes() throws HpackException {
        HpackEncoder encoder = new HpackEncoder();
        HpackDecoder decoder = new HpackDecoder(4096);
        for (int round = 0; round < 3; round++) {
            encoder.begin();
            encoder.field(":status", "200");
            encoder.field("content-type", "text/plain; charset=utf-8");
            encoder.field("x-request-" + round, "v" + round);
            byte[] block = encoder.finish();
            HeaderFields fields = decoder.decode(block, 0, block.length, NO_LIMIT);
            assertEquals(":status", fields.name(0));
            assertEquals("200", fields.value(0));
            assertEquals("text/plain; charset=utf-8", fields.value(1));
            assertEquals("x-request-" + round, fields.name(2));
            if (round > 0) {
                assertTrue((block[1] & 0x80) != 0, "content-type is an index once it is in the table");
            }
        }
    }

    @Test
    void sensitiveFieldsAreNeverIndexedAndStayOutOfBothTables() throws HpackException {
        HpackEncoder encoder = new HpackEncoder();
        HpackDecoder decoder = new HpackDecoder(4096);
        encoder.begin();
        encoder.field("set-cookie", "id=42");
        encoder.neverIndexed("x-secret", "s3cr3t");
        byte[] block = encoder.finish();
        HeaderFields fields = decoder.decode(block, 0, block.length, NO_LIMIT);
        assertTrue(fields.neverIndexed(0));
        assertTrue(fields.neverIndexed(1));
        assertEquals("s3cr3t", fields.value(1));
        assertEquals(0, decoder.tableLength());
    }

    @Test
    void aSmallerPeerTableIsAnnouncedAtTheStartOfTheNextBlock() throws HpackException {
        HpackEncoder encoder = new HpackEncoder();
        HpackDecoder decoder = new HpackDecoder(4096);
        encoder.begin();
        encoder.field("x-a", "1");
        byte[] first = encoder.finish();
        decoder.decode(first, 0, first.length, NO_LIMIT);
        assertEquals(1, decoder.tableLength());
        encoder.peerMaxTableSize(0);
        encoder.begin();
        encoder.field("x-b", "2");
        byte[] second = encoder.finish();
        assertEquals(0x20, second[0] & 0xFF, "the block starts with a size update to 0");
        HeaderFields fields = decoder.decode(second, 0, second.length, NO_LIMIT);
        assertEquals("2", fields.value(0));
        assertEquals(0, decoder.tableLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "80",                       // index 0
        "be",                       // index 62 with an empty dynamic table
        "ff ff ff ff ff 0f",        // integer past 2^31 - 1
        "ff 80 80 80 80",           // integer runs past the block
        "3f ff 80 80 80 80 80 80 80 80 01", // integer padded with zero groups until the shift wraps
        "40 0a 61 62",              // string longer than the block
        "82 20",                    // size update after a field
        "3f e2 1f",                 // size update to 4097, above our 4096
        "00 81 ff 01 61",           // Huffman name that is 8 bits of padding
        "00 84 ff ff ff ff 01 61",  // Huffman name holding EOS (30 ones)
        "00 81 18 01 61",           // Huffman 'a' padded with zeros, not ones
        "00",                       // literal with no name length
    })
    void malformedBlocksAreCompressionErrors(String block) {
        byte[] bytes = hex(block);
        assertThrows(HpackException.class, () -> new HpackDecoder(4096).decode(bytes, 0, bytes.length, NO_LIMIT));
    }

    @Test
    void sizeUpdatesAtTheStartOfABlockShrinkTheTable() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(4096);
        decode(decoder, "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572");
        assertEquals(1, decoder.tableLength());
        assertEquals(List.of(":method: GET"), decode(decoder, "20 3f e1 1f 82"));
        assertEquals(0, decoder.tableLength(), "the update to 0 evicted the entry");
    }

    @Test
    void aTableBombIsRefusedWithoutMaterialisingTheList() throws HpackException {
        HpackDecoder decoder = new HpackDecoder(4096);
        HpackEncoder encoder = new HpackEncoder();
        encoder.begin();
        encoder.field("x-big", "x".repeat(1000));
        byte[] insert = encoder.finish();
        decoder.decode(insert, 0, insert.length, NO_LIMIT);
        byte[] bomb = new byte[16_000];
        java.util.Arrays.fill(bomb, (byte) 0xBE);
        HeaderFields fields = decoder.decode(bomb, 0, bomb.length, 16_384);
        assertTrue(fields.exceeded());
        assertEquals(0, fields.size(), "nothing is kept once the list is over its limit");
        assertEquals(16_000L * (5 + 1000 + 32), fields.listBytes());
        assertFalse(decoder.tableLength() == 0, "the table is still in step");
    }
}
