package dev.weft.core.rooms;

import dev.weft.core.Client;
import dev.weft.core.rooms.JoinResult.AlreadyJoined;
import dev.weft.core.rooms.JoinResult.Joined;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One join, move or rename of the {@link ChatRooms} while they are in a cluster, in three steps:
 * check it and reserve the nickname here (under the rooms' lock); claim the nickname across the
 * cluster and, for a member entering the room, fetch the room's history (without the lock: both
 * wait for the cluster, at most its timeout); then check again and make the change (under the
 * lock) — or give the claim back if the local rooms refuse after all.
 */
final class ClusterJoin {

    private static final Logger log = LoggerFactory.getLogger(ClusterJoin.class);

    /** What the first step left: the end of the change, or a reservation. */
    sealed interface Step {
    }

    /** The change ends here, refused or already made. */
    record Ended(JoinResult result) implements Step {
    }

    /**
     * The nickname is reserved here.
     *
     * @param place    the room and nickname
     * @param entering whether the client enters the room (rather than renaming in it)
     */
    record Reserved(Place place, boolean entering) implements Step {
    }

    private final ChatRooms rooms;
    private final ClusterLink link;
    private final Client client;
    private final ChatRooms.Renaming renaming;
    private final ChangeEffects effects;

    ClusterJoin(ChatRooms rooms, ClusterLink link, Client client, ChatRooms.Renaming renaming, ChangeEffects effects) {
        this.rooms = rooms;
        this.link = link;
        this.client = client;
        this.renaming = renaming;
        this.effects = effects;
    }

    /** Runs the change; {@code wantedRoom} null means the client's current room. */
    JoinResult run(String wantedRoom, String nickname) {
        Reserved reserved;
        switch (rooms.reserve(client, wantedRoom, nickname, effects)) {
            case Ended ended -> {
                return ended.result();
            }
            case Reserved r -> reserved = r;
        }
        Place place = reserved.place();
        NicknameClaim claim = link.claim(place);
        List<RoomLine> history = reserved.entering() && claim.granted() ? link.history(place.room()) : List.of();
        JoinResult result = rooms.commit(client, place, claim, renaming, effects);
        switch (claim) {
            case NicknameClaim.Taken taken -> log.debug("nickname {} in {} is held on instance {}: client {} refused",
                    nickname, place.room(), taken.holderInstance(), client.id());
            case NicknameClaim.Claimed claimed -> settle(result, place, history);
            case NicknameClaim.Unverified unverified -> {
                log.debug("nickname {} in {} granted unverified: {}", nickname, place.room(), unverified.reason());
                settle(result, place, history);
            }
        }
        return result;
    }

    private void settle(JoinResult result, Place place, List<RoomLine> history) {
        switch (result) {
            case Joined joined -> effects.history(client, history);
            case AlreadyJoined again -> {
                // another thread of the client made this very change meanwhile: the claim is its
            }
            case RoomRefusal refusal -> link.release(place);
        }
    }
}
