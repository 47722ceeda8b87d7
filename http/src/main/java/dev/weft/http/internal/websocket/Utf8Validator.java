package dev.weft.http.internal.websocket;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629) as they arrive, in pieces of any size:
 * a character may span pieces. It fails at the first byte that makes the input certainly
 * invalid — an overlong form, a surrogate, a code point above U+10FFFF, a stray continuation
 * byte — not at the end of the message, so a peer cannot make the server read a long message
 * it already knows it will refuse. Not thread-safe.
 */
final class Utf8Validator {

    /** Continuation bytes still expected for the current character. */
    private int pending;
    /** The range allowed for the next byte while {@code pending > 0}. */
    private int lower = 0x80;
    private int upper = 0xBF;

    /**
     * Checks the next piece.
     *
     * @return whether the input so far can still be (the start of) valid UTF-8
     */
    boolean accept(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (pending == 0) {
                if (b < 0x80) {
                    i++;
                    continue;
                }
                if (!start(b)) {
                    return false;
                }
            } else {
                if (b < lower || b > upper) {
                    return false;
                }
                pending--;
                lower = 0x80;
                upper = 0xBF;
            }
            i++;
        }
        return true;
    }

    private boolean start(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            return false;
        }
        return true;
    }

    private void expect(int continuations, int low, int high) {
        pending = continuations;
        lower = low;
        upper = high;
    }

    /** Whether the input so far ends on a character boundary (so it is complete, valid UTF-8). */
    boolean isComplete() {
        return pending == 0;
    }

    /** Forgets the input so far, to check a new message. */
    void reset() {
        pending = 0;
        lower = 0x80;
        upper = 0xBF;
    }

    /** Whether {@code bytes} is complete, valid UTF-8. */
    static boolean isValid(byte[] bytes, int offset, int length) {
        Utf8Validator validator = new Utf8Validator();
        return validator.accept(bytes, offset, length) && validator.isComplete();
    }
}
