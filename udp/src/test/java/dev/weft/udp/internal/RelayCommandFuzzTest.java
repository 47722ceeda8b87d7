package dev.weft.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.testing.AllocationBudget;
import dev.weft.udp.internal.RelayCommand.Join;
import dev.weft.udp.internal.RelayCommand.Leave;
import dev.weft.udp.internal.RelayCommand.Malformed;
import dev.weft.udp.internal.RelayCommand.Message;
import dev.weft.udp.internal.RelayCommand.Ping;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzzes the relay's datagram decoder: any bytes give a command or {@link Malformed} with one of
 * the documented reasons — no other exception, no hang, and no allocation beyond a small multiple
 * of the datagram. A parsed command survives a round trip through its wire form.
 *
 * <p>In a normal build this runs over the seed corpus in
 * {@code src/test/resources/dev/weft/udp/internal/RelayCommandFuzzTestInputs}; {@code
 * scripts/fuzz.sh} runs it in fuzzing mode.
 */
class RelayCommandFuzzTest {

    private static final Set<String> REASONS = Set.of(
            "invalid UTF-8",
            "empty datagram",
            "one line per datagram, without control characters",
            "usage: JOIN <room> <nickname>",
            "usage: MSG <text>",
            "usage: LEAVE",
            "usage: PING",
            "unknown command; expected JOIN, MSG, LEAVE or PING");

    @FuzzTest
    void anyDatagramIsACommandOrADefinedError(byte[] datagram) {
        ByteBuffer payload = ByteBuffer.wrap(datagram);
        RelayCommand command = AllocationBudget.assertWithin(AllocationBudget.forInput(datagram.length),
                () -> RelayCommandParser.parse(payload));
        assertEquals(0, payload.position(), "the parser moved the buffer");
        switch (command) {
            case Join join -> {
                assertOneWord(join.room());
                assertOneWord(join.nickname());
                assertEquals(join, reparse("JOIN " + join.room() + " " + join.nickname()));
            }
            case Message message -> {
                assertFalse(message.text().isBlank());
                assertFalse(hasLineBreak(message.text()));
                assertEquals(message, reparse("MSG " + message.text()));
            }
            case Leave leave -> assertEquals(leave, reparse("LEAVE"));
            case Ping ping -> assertEquals(ping, reparse("PING"));
            case Malformed malformed -> assertTrue(REASONS.contains(malformed.reason()),
                    "undocumented reason: " + malformed.reason());
        }
    }

    private static RelayCommand reparse(String line) {
        return RelayCommandParser.parse(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertOneWord(String word) {
        assertFalse(word.isEmpty(), "empty word");
        assertFalse(word.contains(" "), "a space in " + word);
        assertFalse(hasLineBreak(word), "a line break in a word");
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }
}
