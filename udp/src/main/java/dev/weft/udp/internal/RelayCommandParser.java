package dev.weft.udp.internal;

import dev.weft.core.rooms.ChatText;
import dev.weft.udp.internal.RelayCommand.Join;
import dev.weft.udp.internal.RelayCommand.Leave;
import dev.weft.udp.internal.RelayCommand.Malformed;
import dev.weft.udp.internal.RelayCommand.Message;
import dev.weft.udp.internal.RelayCommand.Ping;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses one relay datagram — bytes in, {@link RelayCommand} out, no socket — so that every edge
 * case is a plain unit test.
 *
 * <p>A datagram is one UTF-8 line; one trailing {@code "\n"} or {@code "\r\n"} is optional.
 * Security note: a line break or any other control character inside the line is refused, not
 * stripped ({@link ChatText#isPrintable}, the rule every chat protocol shares), because the text
 * is forwarded to TCP clients that frame by lines: an embedded {@code "\n"} would let a peer forge
 * a second line in someone else's name, and escape sequences would reach their terminals. Invalid
 * UTF-8 is refused too, rather than replaced.
 *
 * <p>Stateless and thread-safe.
 */
public final class RelayCommandParser {

    private RelayCommandParser() {
    }

    /**
     * Parses the bytes between {@code payload}'s position and limit (which are not changed).
     *
     * @param payload a datagram's payload
     * @return the command; {@link RelayCommand.Malformed} when the bytes are not a valid one
     */
    public static RelayCommand parse(ByteBuffer payload) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(payload.duplicate());
        } catch (CharacterCodingException e) {
            return new Malformed("invalid UTF-8");
        }
        String line = withoutLineEnd(chars.toString());
        if (line.isEmpty()) {
            return new Malformed("empty datagram");
        }
        if (!ChatText.isPrintable(line)) {
            return new Malformed("one line per datagram, without control characters");
        }
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        return switch (verb) {
            case "JOIN" -> join(rest);
            case "MSG" -> rest.isBlank() ? new Malformed("usage: MSG <text>") : new Message(rest);
            case "LEAVE" -> space < 0 ? new Leave() : new Malformed("usage: LEAVE");
            case "PING" -> space < 0 ? new Ping() : new Malformed("usage: PING");
            default -> new Malformed("unknown command; expected JOIN, MSG, LEAVE or PING");
        };
    }

    private static RelayCommand join(String arguments) {
        int space = arguments.indexOf(' ');
        if (space <= 0 || space == arguments.length() - 1 || arguments.indexOf(' ', space + 1) >= 0) {
            return new Malformed("usage: JOIN <room> <nickname>");
        }
        return new Join(arguments.substring(0, space), arguments.substring(space + 1));
    }

    private static String withoutLineEnd(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        if (line.endsWith("\n")) {
            return line.substring(0, line.length() - 1);
        }
        return line;
    }
}
