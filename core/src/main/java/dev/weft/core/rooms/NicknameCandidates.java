package dev.weft.core.rooms;

import java.util.ArrayList;
import java.util.List;

/**
 * The nicknames offered, in order, to a member whose nickname turned out to be held on another
 * instance: {@code <nickname>-2} to {@code <nickname>-9} (the nickname shortened to fit), then
 * {@code guest-<client id>}.
 */
final class NicknameCandidates {

    private static final int NUMBERED = 8;

    private NicknameCandidates() {
    }

    static List<String> after(String lost, long clientId, int maxLength) {
        List<String> candidates = new ArrayList<>(NUMBERED + 1);
        for (int n = 2; n < 2 + NUMBERED; n++) {
            String suffix = "-" + n;
            String base = lost.length() + suffix.length() > maxLength
                    ? lost.substring(0, Math.max(0, maxLength - suffix.length())) : lost;
            if (!base.isEmpty()) {
                candidates.add(base + suffix);
            }
        }
        String guest = "guest-" + clientId;
        if (guest.length() <= maxLength) {
            candidates.add(guest);
        }
        return candidates;
    }
}
