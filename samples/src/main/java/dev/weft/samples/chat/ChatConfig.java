package dev.weft.samples.chat;

/**
 * The TCP chat's own limit; the rooms' limits (nickname and room name lengths, rooms, members)
 * are the shared {@link dev.weft.core.rooms.RoomsConfig}'s, the same for every protocol.
 *
 * @param maxLineBytes the longest line a client may send, in bytes; a longer line is discarded
 *                     and answered with an error line, and the client carries on. Default 1,024
 */
public record ChatConfig(int maxLineBytes) {

    /** The defaults. */
    public static final ChatConfig DEFAULTS = new ChatConfig(1_024);

    /** Validates the limit. */
    public ChatConfig {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be > 0: " + maxLineBytes);
        }
    }
}
