package dev.weft.core.rooms;

import dev.weft.core.Client;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChatRooms#localRooms()}: what a {@link RoomsCluster} delivers, worded for the local
 * members exactly as local lines and notices are ({@code bob: hi}, {@code * bob joined},
 * {@code * bob left (server lost)}, {@code * bob is now robert}). A line or notice with a control
 * character — which no Weft instance publishes — is dropped and counted, never delivered.
 */
final class ClusterSide implements LocalRooms {

    private static final Logger log = LoggerFactory.getLogger(ClusterSide.class);

    private final ChatRooms rooms;
    private final LongAdder refused = new LongAdder();

    ClusterSide(ChatRooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void deliver(String room, RoomLine line) {
        tell(room, line.nickname() + ": " + line.text());
    }

    @Override
    public void notice(String room, RoomNotice notice) {
        tell(room, switch (notice) {
            case RoomNotice.Joined joined -> "* " + joined.nickname() + " joined";
            case RoomNotice.Left left -> "* " + left.nickname() + " " + left.reason().notice();
            case RoomNotice.Renamed renamed -> "* " + renamed.previous() + " is now " + renamed.nickname();
        });
    }

    private void tell(String room, String line) {
        Objects.requireNonNull(room, "room");
        if (!ChatText.isPrintable(line)) {
            refused.increment();
            log.warn("a line from the cluster for room {} has a control character: dropped ({} so far)", room,
                    refused.sum());
            return;
        }
        rooms.tell(room, line);
    }

    @Override
    public Map<String, Set<String>> members() {
        return rooms.memberNicknames();
    }

    @Override
    public void claimLost(String room, String nickname, String holderInstance) {
        rooms.holder(room, nickname).ifPresent(member -> Thread.ofVirtual()
                .name("rooms-claim-lost-" + member.client().id())
                .start(() -> renameAfterLostClaim(member, holderInstance)));
    }

    /**
     * Gives {@code lost}'s member another nickname after the cluster found its nickname held by a
     * member of {@code holderInstance}: the first of {@link NicknameCandidates} that can be claimed
     * like any other; the room hears {@code * <old> is now <new>}, the member why. If none can be
     * had, the member leaves the room. Stops if the member changed meanwhile. Waits for the
     * cluster: runs on a thread of its own.
     */
    private void renameAfterLostClaim(Member lost, String holderInstance) {
        Client client = lost.client();
        for (String candidate : NicknameCandidates.after(lost.nickname(), client.id(), rooms.config().maxNicknameLength())) {
            if (!rooms.memberOf(client).equals(Optional.of(lost))) {
                return;
            }
            JoinResult result = rooms.renameAfterLostClaim(client, candidate);
            if (result instanceof JoinResult.Joined) {
                log.info("nickname {} in {} is held on instance {}: client {} renamed {}", lost.nickname(),
                        lost.room(), holderInstance, client.id(), candidate);
                tellMember(client, "* your nickname " + lost.nickname() + " is taken on " + holderInstance
                        + ": you are now " + candidate);
                return;
            }
            if (!(result instanceof RoomRefusal.NicknameTaken)) {
                break;
            }
        }
        if (rooms.memberOf(client).equals(Optional.of(lost))) {
            log.info("nickname {} in {} is held on instance {} and no other was free: client {} leaves the room",
                    lost.nickname(), lost.room(), holderInstance, client.id());
            tellMember(client, "* your nickname " + lost.nickname() + " is taken on " + holderInstance
                    + ": you left " + lost.room());
            rooms.leaveUntold(client);
        }
    }

    private static void tellMember(Client client, String line) {
        client.send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LocalRooms[" + rooms + "]";
    }
}
