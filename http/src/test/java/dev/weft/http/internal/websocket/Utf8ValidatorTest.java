package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "κόσμε", "€", "𝄞 music", "\u0000", "\uFFFF", "\uD7FF", "\uE000", "\uDBFF\uDFFF"})
    void wellFormedTextIsAcceptedWholeAndByteByByte(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8Validator.isValid(utf8, 0, utf8.length));
        Utf8Validator validator = new Utf8Validator();
        for (byte b : utf8) {
            assertTrue(validator.accept(new byte[] {b}, 0, 1));
        }
        assertTrue(validator.isComplete());
    }

    @Test
    void everyInvalidSequenceFailsAtItsFirstCertainlyBadByte() {
        // each row: the bytes, and the index of the first byte that proves them invalid
        int[][] cases = {
            {0x80},                   // stray continuation
            {0xBF},
            {0xC0, 0x80},             // overlong two-byte forms (C0, C1 never valid)
            {0xC1, 0xBF},
            {0xE0, 0x80, 0x80},       // overlong three-byte form: E0 must be followed by A0..BF
            {0xE0, 0x9F, 0xBF},
            {0xED, 0xA0, 0x80},       // UTF-16 surrogate D800
            {0xED, 0xBF, 0xBF},       // surrogate DFFF
            {0xF0, 0x80, 0x80, 0x80}, // overlong four-byte form
            {0xF0, 0x8F, 0xBF, 0xBF},
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0xF5, 0x80, 0x80, 0x80}, // F5..FF never valid
            {0xFF},
            {0xFE},
            {0xC2, 0x41},             // lead byte followed by ASCII
            {0xE2, 0x82, 0x41},
        };
        int[] failingIndex = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 2};
        for (int i = 0; i < cases.length; i++) {
            byte[] input = bytes(cases[i]);
            Utf8Validator validator = new Utf8Validator();
            int failedAt = -1;
            for (int j = 0; j < input.length; j++) {
                if (!validator.accept(input, j, 1)) {
                    failedAt = j;
                    break;
                }
            }
            assertEquals(failingIndex[i], failedAt, "case " + i);
        }
    }

    @Test
    void aCharacterCutAtTheEndIsNotComplete() {
        Utf8Validator validator = new Utf8Validator();
        assertTrue(validator.accept(bytes(0x41, 0xE2, 0x82), 0, 3));
        assertFalse(validator.isComplete());
        assertTrue(validator.accept(bytes(0xAC), 0, 1));
        assertTrue(validator.isComplete());
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(8)];
            random.nextBytes(input);
            boolean jdk;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(input));
                jdk = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                jdk = false;
            }
            assertEquals(jdk, Utf8Validator.isValid(input, 0, input.length), () -> java.util.HexFormat.of().formatHex(input));
        }
    }
}
