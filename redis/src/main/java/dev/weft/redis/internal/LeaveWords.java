package dev.weft.redis.internal;

import dev.weft.core.rooms.LeaveReason;
import java.util.Locale;

/**
 * The word a {@code leave} message carries in its text field for the member's
 * {@link LeaveReason} — {@code left}, {@code moved}, {@code expired}, {@code closed} — so the
 * other instances word the notice as the member's own instance did ({@code * bob left (expired)}).
 * An empty or unknown word (an older or newer instance) reads as {@link LeaveReason#LEFT}.
 */
public final class LeaveWords {

    private LeaveWords() {
    }

    /** The word for {@code reason}. */
    public static String word(LeaveReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** The reason {@code word} stands for; {@link LeaveReason#LEFT} when it stands for none. */
    public static LeaveReason reason(String word) {
        for (LeaveReason reason : LeaveReason.values()) {
            if (word(reason).equals(word)) {
                return reason;
            }
        }
        return LeaveReason.LEFT;
    }
}
