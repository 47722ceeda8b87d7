package dev.weft.udp;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.NicknameClaim;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.core.rooms.RoomsCluster;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A cluster for the relay's tests whose claim of one nickname waits until the test opens a gate,
 * as a claim waits for a slow Redis: every other call answers at once. The real cluster
 * (weft-redis) is tested against a real Redis in its module and in the samples.
 */
final class GatedCluster implements RoomsCluster {

    private final String gatedNickname;
    final CountDownLatch claimStarted = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);

    GatedCluster(String gatedNickname) {
        this.gatedNickname = gatedNickname;
    }

    @Override
    public String instanceName() {
        return "relay-test";
    }

    @Override
    public NicknameClaim claim(String room, String nickname) {
        if (nickname.equals(gatedNickname)) {
            claimStarted.countDown();
            try {
                if (!gate.await(20, TimeUnit.SECONDS)) {
                    return new NicknameClaim.Unverified("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new NicknameClaim.Unverified("interrupted");
            }
        }
        return new NicknameClaim.Claimed("");
    }

    @Override
    public void release(String room, String nickname) {
    }

    @Override
    public void joined(String room, String nickname) {
    }

    @Override
    public void renamed(String room, String from, String to) {
    }

    @Override
    public void left(String room, String nickname, LeaveReason reason) {
    }

    @Override
    public boolean publish(String room, String nickname, String text) {
        return true;
    }

    @Override
    public RoomPresence who(String room) {
        return new RoomPresence(List.of(), false);
    }

    @Override
    public List<RoomLine> history(String room) {
        return List.of();
    }

    @Override
    public boolean connected() {
        return true;
    }
}
