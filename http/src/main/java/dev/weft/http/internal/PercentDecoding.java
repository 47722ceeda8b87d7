package dev.weft.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of path segments and query components into UTF-8 text. */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes {@code %XX} escapes (and, for query components, {@code +} as a space).
     *
     * @param text        the encoded text
     * @param plusIsSpace whether {@code +} means a space (query strings) or itself (paths)
     * @return the decoded text; {@code text} itself when it holds nothing to decode
     * @throws IllegalArgumentException on a {@code %} not followed by two hex digits
     */
    public static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent-escape at index " + i);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("invalid percent-escape at index " + i);
                }
                out.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
