package dev.weft.redis.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of a {@link WireMessage}: small, versioned and unambiguous, with no library.
 *
 * <pre>
 * message = "wr1" 9field            ; "wr1": weft room message, format version 1
 * field   = length ":" bytes ";"    ; length: decimal count of the bytes, 0 to 1048576,
 *                                   ;   no sign, no leading zero; bytes: UTF-8
 * fields, in order: kind word, room, publisher id, run, seq, sentAtMicros, nickname,
 *                   member instance id, text      ; numbers in decimal, no leading zero
 * </pre>
 *
 * <p>Every field says its own length, so text may hold any character — {@code ;}, {@code :},
 * digits, newlines, something that looks like another message — and still cannot end a field
 * early or add one: a line cannot forge a nickname or a publisher. The {@code ;} after each
 * field and the exact field count catch a truncated or corrupted message. A later version
 * changes the magic ({@code wr2}); this decoder refuses it, and the receiver counts it as
 * malformed rather than guess.
 *
 * <p>Decoding refuses, with {@link MalformedMessageException} and one of these reasons, and no
 * other exception: {@code "not a weft room message"} (magic), {@code "bad field length"},
 * {@code "truncated"}, {@code "missing field terminator"}, {@code "trailing bytes"},
 * {@code "invalid UTF-8"}, {@code "unknown kind"}, {@code "bad number"},
 * {@code "empty room, publisher or nickname"}.
 */
public final class WireCodec {

    /** The largest field, in bytes; far above any chat line. */
    public static final int MAX_FIELD_BYTES = 1 << 20;

    private static final byte[] MAGIC = {'w', 'r', '1'};
    private static final int MAX_LENGTH_DIGITS = 7;
    private static final int MAX_NUMBER_DIGITS = 19;

    private WireCodec() {
    }

    /**
     * The wire form of {@code message}.
     *
     * @throws IllegalArgumentException if a field is longer than {@link #MAX_FIELD_BYTES}
     */
    public static byte[] encode(WireMessage message) {
        Stamp stamp = message.stamp();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.text().length() * 3);
        out.writeBytes(MAGIC);
        field(out, message.kind().word());
        field(out, message.room());
        field(out, stamp.publisher());
        field(out, Long.toString(stamp.run()));
        field(out, Long.toString(stamp.seq()));
        field(out, Long.toString(stamp.sentAtMicros()));
        field(out, message.nickname());
        field(out, message.memberInstance());
        field(out, message.text());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new IllegalArgumentException("field of " + bytes.length + " bytes exceeds the maximum of "
                    + MAX_FIELD_BYTES);
        }
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write(';');
    }

    /** Reads a message from its wire form. */
    public static WireMessage decode(byte[] wire) throws MalformedMessageException {
        Reader reader = new Reader(wire);
        reader.magic();
        String kindWord = reader.text();
        String room = reader.text();
        String publisher = reader.text();
        long run = reader.number();
        long seq = reader.number();
        long sentAtMicros = reader.number();
        String nickname = reader.text();
        String memberInstance = reader.text();
        String text = reader.text();
        reader.end();
        MessageKind kind = MessageKind.ofWord(kindWord)
                .orElseThrow(() -> new MalformedMessageException("unknown kind"));
        if (room.isEmpty() || publisher.isEmpty() || nickname.isEmpty() || memberInstance.isEmpty()) {
            throw new MalformedMessageException("empty room, publisher or nickname");
        }
        if (run < 1 || seq < 1) {
            throw new MalformedMessageException("bad number");
        }
        return new WireMessage(kind, room, new Stamp(publisher, run, seq, sentAtMicros), nickname,
                memberInstance, text);
    }

    /** A cursor over the bytes of one message. */
    private static final class Reader {
        private final byte[] wire;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private int at;

        Reader(byte[] wire) {
            this.wire = wire;
        }

        void magic() throws MalformedMessageException {
            if (wire.length < MAGIC.length) {
                throw new MalformedMessageException("not a weft room message");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (wire[i] != MAGIC[i]) {
                    throw new MalformedMessageException("not a weft room message");
                }
            }
            at = MAGIC.length;
        }

        String text() throws MalformedMessageException {
            int length = length();
            if (wire.length - at < length + 1) {
                throw new MalformedMessageException("truncated");
            }
            String value;
            try {
                value = utf8.decode(ByteBuffer.wrap(wire, at, length)).toString();
            } catch (CharacterCodingException e) {
                throw new MalformedMessageException("invalid UTF-8");
            }
            at += length;
            if (wire[at] != ';') {
                throw new MalformedMessageException("missing field terminator");
            }
            at++;
            return value;
        }

        long number() throws MalformedMessageException {
            String digits = text();
            if (digits.isEmpty() || digits.length() > MAX_NUMBER_DIGITS
                    || (digits.length() > 1 && digits.charAt(0) == '0')) {
                throw new MalformedMessageException("bad number");
            }
            long value = 0;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    throw new MalformedMessageException("bad number");
                }
                value = value * 10 + (c - '0');
                if (value < 0) {
                    throw new MalformedMessageException("bad number");
                }
            }
            return value;
        }

        private int length() throws MalformedMessageException {
            int start = at;
            int value = 0;
            while (at < wire.length && wire[at] != ':') {
                byte b = wire[at];
                if (b < '0' || b > '9' || at - start >= MAX_LENGTH_DIGITS) {
                    throw new MalformedMessageException("bad field length");
                }
                value = value * 10 + (b - '0');
                at++;
            }
            int digits = at - start;
            if (at == wire.length) {
                throw new MalformedMessageException(digits == 0 ? "truncated" : "bad field length");
            }
            if (digits == 0 || (digits > 1 && wire[start] == '0') || value > MAX_FIELD_BYTES) {
                throw new MalformedMessageException("bad field length");
            }
            at++;
            return value;
        }

        void end() throws MalformedMessageException {
            if (at != wire.length) {
                throw new MalformedMessageException("trailing bytes");
            }
        }
    }
}
