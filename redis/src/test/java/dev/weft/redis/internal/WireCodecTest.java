package dev.weft.redis.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The room message format: exact bytes, round trips, forgery attempts and every refusal. */
class WireCodecTest {

    private static final Stamp STAMP = new Stamp("a@0123456789ab", 3, 42, 1_700_000_000_123_456L);

    private static WireMessage line(String text) {
        return new WireMessage(MessageKind.LINE, "lobby", STAMP, "alice", "a@0123456789ab", text);
    }

    @Test
    void aLineHasTheDocumentedWireForm() {
        assertEquals("wr1" + "4:line;" + "5:lobby;" + "14:a@0123456789ab;" + "1:3;" + "2:42;" + "16:1700000000123456;"
                        + "5:alice;" + "14:a@0123456789ab;" + "2:hi;",
                new String(WireCodec.encode(line("hi")), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "semi;colon:and 5:fake;", "wr14:line;5:lobby;", "new\nline\r\n", "ünïcødé ✓ 🎉",
            "0:;0:;0:;", "9999999:", "\u0000nul"})
    void anyTextSurvivesARoundTripUnchangedAndCannotForgeAField(String text) throws Exception {
        WireMessage message = line(text);

        WireMessage decoded = WireCodec.decode(WireCodec.encode(message));

        assertEquals(message, decoded);
        assertEquals("alice", decoded.nickname(), "the text changed who spoke");
    }

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void everyKindSurvivesARoundTrip(MessageKind kind) throws Exception {
        WireMessage message = new WireMessage(kind, "room:with:colons", STAMP, "nick", "b@ffffffffffff", "old");
        assertEquals(message, WireCodec.decode(WireCodec.encode(message)));
    }

    @Test
    void aMessageFollowedByAnotherIsRefusedNotSplit() {
        byte[] one = WireCodec.encode(line("one"));
        byte[] two = WireCodec.encode(line("two"));
        byte[] both = Arrays.copyOf(one, one.length + two.length);
        System.arraycopy(two, 0, both, one.length, two.length);

        assertEquals("trailing bytes", assertThrows(MalformedMessageException.class, () -> WireCodec.decode(both)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "wr", "wr2" + "4:line;", "WR1",
            "wr1", "wr14:line;",
            "wr1x:line;", "wr104:line;", "wr1-4:line;", "wr112345678:x;", "wr11048577:",
            "wr14:line",
            "wr14:lineX"})
    void aBrokenHeadOrFieldIsRefusedWithItsReason(String wire) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> WireCodec.decode(wire.getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, java.util.Set.of("not a weft room message", "bad field length", "truncated",
                "missing field terminator").contains(e.getMessage()), e.getMessage());
    }

    @Test
    void anUnknownKindIsRefused() {
        String wire = new String(WireCodec.encode(line("x")), StandardCharsets.UTF_8).replace("4:line;", "4:lime;");
        assertEquals("unknown kind", reason(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:0;", "2:07;", "1:-;", "20:99999999999999999999;", "0:;", "19:9223372036854775808;"})
    void aBadSequenceNumberIsRefused(String seqField) {
        String wire = new String(WireCodec.encode(line("x")), StandardCharsets.UTF_8).replace("2:42;", seqField);
        assertEquals("bad number", reason(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyNicknameIsRefused() {
        String wire = new String(WireCodec.encode(line("x")), StandardCharsets.UTF_8).replace("5:alice;", "0:;");
        assertEquals("empty room, publisher or nickname", reason(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] wire = WireCodec.encode(line("ab"));
        wire[wire.length - 3] = (byte) 0xC3;
        assertEquals("invalid UTF-8", reason(wire));
    }

    @Test
    void aFieldLongerThanTheMaximumIsNotEncoded() {
        String huge = "x".repeat(WireCodec.MAX_FIELD_BYTES + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireCodec.encode(line(huge)));
        assertEquals("field of 1048577 bytes exceeds the maximum of 1048576", e.getMessage());
    }

    @Test
    void aClaimEntrySplitsAtTheRoomsLengthWhateverBothHold() {
        ClaimEntry entry = new ClaimEntry("3:a:b", "12:nick");
        assertArrayEquals("5:3:a:b12:nick".getBytes(StandardCharsets.UTF_8), entry.encode());
        assertEquals(entry, ClaimEntry.decode(entry.encode()).orElseThrow());
        assertEquals(java.util.Optional.empty(), ClaimEntry.decode("9:short".getBytes(StandardCharsets.UTF_8)));
    }

    private static String reason(byte[] wire) {
        return assertThrows(MalformedMessageException.class, () -> WireCodec.decode(wire)).getMessage();
    }
}
