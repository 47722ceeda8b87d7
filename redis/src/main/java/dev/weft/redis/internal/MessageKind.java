package dev.weft.redis.internal;

import java.util.Optional;

/** What a room message is, with its word on the wire. */
public enum MessageKind {
    /** A line said by {@code nickname}; {@code text} is the line. */
    LINE("line"),
    /** {@code nickname} joined the room. */
    JOIN("join"),
    /** {@code nickname} left the room. */
    LEAVE("leave"),
    /** {@code nickname} was {@code text} before. */
    RENAME("nick"),
    /** {@code nickname}'s instance (the publisher) closed while the member was in the room. */
    STOP("stop"),
    /** {@code nickname}'s instance ({@code memberInstance}) was lost; a survivor publishes this. */
    LOST("lost");

    private final String word;

    MessageKind(String word) {
        this.word = word;
    }

    /** The word on the wire. */
    public String word() {
        return word;
    }

    /** The kind whose word this is. */
    public static Optional<MessageKind> ofWord(String word) {
        for (MessageKind kind : values()) {
            if (kind.word.equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
