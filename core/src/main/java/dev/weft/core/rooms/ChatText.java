package dev.weft.core.rooms;

/**
 * What a chat line may contain: printable text, no control characters.
 *
 * <p>Security note: lines are delivered to clients that frame by lines (a TCP chat client, a
 * terminal) or print what they get. An embedded {@code "\n"} would let a member forge a second
 * line in someone else's name, a {@code "\r"} would overwrite a line on a terminal, and escape
 * sequences would reach members' terminals. Such text is refused, not stripped: stripping would
 * change what the member said without telling them.
 */
public final class ChatText {

    private ChatText() {
    }

    /**
     * Whether {@code text} has no control character: none below U+0020, no DEL (U+007F) and no C1
     * control (U+0080 to U+009F). Tabs are control characters too.
     *
     * @param text the text to check
     * @return true if it has no control character
     */
    public static boolean isPrintable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return false;
            }
        }
        return true;
    }
}
