package dev.weft.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzzes the room message decoder: any bytes from Redis give a message or a
 * {@link MalformedMessageException} with one of the documented reasons — no other exception, no
 * hang — and a decoded message encodes back to exactly the bytes it came from (the format has
 * one spelling per message, so nothing can smuggle a second reading past it).
 *
 * <p>In a normal build this runs over the seed corpus in
 * {@code src/test/resources/dev/weft/redis/internal/WireCodecFuzzTestInputs}; to fuzz, run it with
 * {@code JAZZER_FUZZ=1} as {@code scripts/fuzz.sh} does for the other decoders.
 */
class WireCodecFuzzTest {

    private static final Set<String> REASONS = Set.of("not a weft room message", "bad field length", "truncated",
            "missing field terminator", "trailing bytes", "invalid UTF-8", "unknown kind", "bad number",
            "empty room, publisher or nickname");

    @FuzzTest
    void anyBytesDecodeToAMessageThatEncodesBackOrAreRefusedWithAReason(byte[] wire) {
        WireMessage message;
        try {
            message = WireCodec.decode(wire);
        } catch (MalformedMessageException e) {
            assertTrue(REASONS.contains(e.getMessage()), "undocumented reason: " + e.getMessage());
            return;
        }
        assertEquals(new String(wire, StandardCharsets.ISO_8859_1),
                new String(WireCodec.encode(message), StandardCharsets.ISO_8859_1));
    }
}
