package dev.weft.samples.chat;

/**
 * The chat's own limits.
 *
 * @param maxLineBytes  the longest line a client may send, in bytes; a longer line is discarded
 *                      and answered with an error line. Default 1,024
 * @param maxNickLength the longest nickname, in characters; default 32
 */
public record ChatConfig(int maxLineBytes, int maxNickLength) {

    /** The defaults. */
    public static final ChatConfig DEFAULTS = new ChatConfig(1_024, 32);

    /** Validates the limits. */
    public ChatConfig {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be > 0: " + maxLineBytes);
        }
        if (maxNickLength <= 0) {
            throw new IllegalArgumentException("maxNickLength must be > 0: " + maxNickLength);
        }
    }
}
