package dev.weft.udp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.udp.internal.RelayCommand.Join;
import dev.weft.udp.internal.RelayCommand.Leave;
import dev.weft.udp.internal.RelayCommand.Malformed;
import dev.weft.udp.internal.RelayCommand.Message;
import dev.weft.udp.internal.RelayCommand.Ping;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayCommandParserTest {

    private static RelayCommand parse(String text) {
        return RelayCommandParser.parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JOIN lobby ann", "JOIN lobby ann\n", "JOIN lobby ann\r\n"})
    void joinTakesARoomAndANicknameWithOrWithoutALineEnd(String line) {
        assertEquals(new Join("lobby", "ann"), parse(line));
    }

    @Test
    void messageKeepsItsTextWithSpacesAndNonAsciiCharacters() {
        assertEquals(new Message("héllo  wörld ✓"), parse("MSG héllo  wörld ✓\n"));
    }

    @Test
    void leaveAndPingTakeNoArguments() {
        assertEquals(new Leave(), parse("LEAVE"));
        assertEquals(new Ping(), parse("PING\n"));
        assertEquals(new Malformed("usage: LEAVE"), parse("LEAVE now"));
        assertEquals(new Malformed("usage: PING"), parse("PING x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JOIN", "JOIN lobby", "JOIN lobby ", "JOIN  ann", "JOIN lobby ann bob"})
    void joinWithoutExactlyTwoWordsIsMalformed(String line) {
        assertEquals(new Malformed("usage: JOIN <room> <nickname>"), parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSG", "MSG ", "MSG    "})
    void messageWithoutTextIsMalformed(String line) {
        assertEquals(new Malformed("usage: MSG <text>"), parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"join lobby ann", "HELLO", "msg hi"})
    void unknownOrLowerCaseCommandsAreMalformed(String line) {
        assertInstanceOf(Malformed.class, parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSG one\nMSG two", "MSG a\rb", "MSG bell\u0007", "MSG esc\u001b[2J", "MSG x\n\n"})
    void secondLinesAndControlCharactersAreRefusedNotStripped(String line) {
        assertEquals(new Malformed("one line per datagram, without control characters"), parse(line));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = {'M', 'S', 'G', ' ', (byte) 0xC3, (byte) 0x28};
        assertEquals(new Malformed("invalid UTF-8"), RelayCommandParser.parse(ByteBuffer.wrap(bytes)));
    }

    @Test
    void emptyDatagramIsMalformed() {
        assertEquals(new Malformed("empty datagram"), parse(""));
        assertEquals(new Malformed("empty datagram"), parse("\n"));
    }

    @Test
    void parsingLeavesTheBufferPositionUntouched() {
        ByteBuffer buffer = ByteBuffer.wrap("PING".getBytes(StandardCharsets.US_ASCII));
        RelayCommandParser.parse(buffer);
        assertEquals(0, buffer.position());
    }
}
