package dev.weft.http.internal;

/**
 * Writes JSON string literals, for the few small documents the server writes itself (problem
 * details, health) without a JSON library: quotes, backslashes and control characters escaped,
 * and {@code <}, {@code >}, U+2028 and U+2029 too, so the text is also safe inside HTML and
 * JavaScript.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /**
     * Appends {@code value} as a quoted JSON string.
     *
     * @param json  where to append
     * @param value the text
     * @return {@code json}
     */
    public static StringBuilder append(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                        json.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
