package dev.weft.core.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A cluster for unit tests of how {@link ChatRooms} uses one: it records every call in order, as
 * one line each, and answers claims, presence and history as the test set them. The real
 * cluster (weft-redis) is tested against a real Redis in its own module and in the samples.
 */
class RecordingCluster implements RoomsCluster {

    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Nicknames held elsewhere: "room/nickname" → the holder's instance. */
    final Map<String, String> heldElsewhere = new ConcurrentHashMap<>();
    /** History by room. */
    final Map<String, List<RoomLine>> history = new ConcurrentHashMap<>();
    /** Members of other instances by room; null presence means "cannot be asked". */
    volatile List<PresentMember> othersPresent = List.of();
    volatile boolean reachable = true;
    /** Runs inside {@link #claim}, before it answers: a test may block it, or act meanwhile. */
    volatile Function<String, NicknameClaim> duringClaim = place -> null;

    @Override
    public String instanceName() {
        return "here";
    }

    @Override
    public NicknameClaim claim(String room, String nickname) {
        calls.add("claim " + nickname + "@" + room);
        NicknameClaim override = duringClaim.apply(room + "/" + nickname);
        if (override != null) {
            return override;
        }
        if (!reachable) {
            return new NicknameClaim.Unverified("unreachable, on purpose");
        }
        String holder = heldElsewhere.get(room + "/" + nickname);
        return holder != null ? new NicknameClaim.Taken(holder) : new NicknameClaim.Claimed("");
    }

    @Override
    public void release(String room, String nickname) {
        calls.add("release " + nickname + "@" + room);
    }

    @Override
    public void joined(String room, String nickname) {
        calls.add("joined " + nickname + "@" + room);
    }

    @Override
    public void renamed(String room, String from, String to) {
        calls.add("renamed " + from + "->" + to + "@" + room);
    }

    @Override
    public void left(String room, String nickname, LeaveReason reason) {
        calls.add("left " + nickname + "@" + room + " " + reason);
    }

    @Override
    public boolean publish(String room, String nickname, String text) {
        calls.add("publish " + nickname + "@" + room + ": " + text);
        return true;
    }

    @Override
    public RoomPresence who(String room) {
        calls.add("who " + room);
        if (!reachable) {
            return new RoomPresence(List.of(), false);
        }
        return new RoomPresence(othersPresent, true);
    }

    @Override
    public List<RoomLine> history(String room) {
        calls.add("history " + room);
        return reachable ? history.getOrDefault(room, List.of()) : List.of();
    }

    @Override
    public boolean connected() {
        return reachable;
    }

    /** A line of another instance's, for history. */
    static RoomLine line(String nickname, String text) {
        return new RoomLine(nickname, "there", text, Instant.EPOCH);
    }

    /** The calls made so far, a copy. */
    List<String> calls() {
        return new ArrayList<>(calls);
    }
}
