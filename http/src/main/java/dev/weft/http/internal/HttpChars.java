package dev.weft.http.internal;

/**
 * The RFC 9110 character classes used by the parser and by header validation: token characters
 * (methods, field names, codings) and field-value characters, as lookup tables on bytes.
 */
public final class HttpChars {

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        for (int b = 0; b < 256; b++) {
            FIELD_VALUE[b] = b == '\t' || (b >= 0x20 && b != 0x7F);
            TARGET[b] = b > 0x20 && b < 0x7F;
        }
    }

    private HttpChars() {
    }

    /**
     * Whether byte or char {@code c} may appear in a token.
     *
     * @param c a byte (0..255) or a char; any other value is not a token character
     * @return true if it is a {@code tchar} of RFC 9110
     */
    public static boolean isTokenChar(int c) {
        return c >= 0 && c < 256 && TCHAR[c];
    }

    /**
     * Whether byte {@code b} (0..255) may appear in a field value: VCHAR, SP, HTAB, obs-text.
     *
     * @param b the byte, 0 to 255
     * @return true if it may appear in a field value
     */
    public static boolean isFieldValueByte(int b) {
        return FIELD_VALUE[b];
    }

    /**
     * Whether byte {@code b} (0..255) may appear in a request target: visible ASCII.
     *
     * @param b the byte, 0 to 255
     * @return true if it may appear in a request target
     */
    public static boolean isTargetByte(int b) {
        return TARGET[b];
    }

    /**
     * Whether {@code b} is a space or horizontal tab (optional whitespace).
     *
     * @param b the byte or char
     * @return true for SP or HTAB
     */
    public static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t';
    }

    /**
     * Checks a header name given by an application.
     *
     * @param name the header name
     * @throws IllegalArgumentException if it is empty or not a token
     */
    public static void requireValidName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("header name is not a token: " + name);
            }
        }
    }

    /**
     * Checks a header value given by an application: no CR, LF or other control character, so
     * no header can split a response.
     *
     * @param name  the header's name, for the message
     * @param value the header value
     * @throws IllegalArgumentException naming the header and the offending index
     */
    public static void requireValidValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !FIELD_VALUE[c]) {
                throw new IllegalArgumentException("header " + name
                        + " has a control or non-Latin-1 character at index " + i);
            }
        }
    }

    /** The first index in {@code [from, to)} of {@code s} that is not optional whitespace, or {@code to}. */
    static int trimStart(String s, int from, int to) {
        while (from < to && isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** One past the last index in {@code [from, to)} of {@code s} that is not optional whitespace, or {@code from}. */
    static int trimEnd(String s, int from, int to) {
        while (to > from && isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
