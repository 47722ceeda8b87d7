package dev.weft.redis;

import dev.weft.core.rooms.LocalRooms;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomNotice;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the chat-rooms service of one instance, as the bridge sees it: who is a member
 * here (set by the test), and queues of what the bridge delivered — lines, notices and lost
 * claims — for the test to take with a timeout.
 */
final class RecordingRooms implements LocalRooms {

    /** How long a test waits for something to arrive. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /** A line delivered to a room. */
    record Delivered(String room, RoomLine line) {
    }

    /** A notice delivered to a room. */
    record Noticed(String room, RoomNotice notice) {
    }

    /** A claim lost. */
    record Lost(String room, String nickname, String holderInstance) {
    }

    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    final BlockingQueue<Delivered> lines = new LinkedBlockingQueue<>();
    final BlockingQueue<Noticed> notices = new LinkedBlockingQueue<>();
    final BlockingQueue<Lost> lost = new LinkedBlockingQueue<>();

    void add(String room, String nickname) {
        members.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(nickname);
    }

    void remove(String room, String nickname) {
        Set<String> nicks = members.get(room);
        if (nicks != null) {
            nicks.remove(nickname);
        }
    }

    /** The next line delivered, or an AssertionError after {@link #WAIT}. */
    Delivered nextLine() throws InterruptedException {
        return take(lines, "a line");
    }

    /** The next notice delivered, or an AssertionError after {@link #WAIT}. */
    Noticed nextNotice() throws InterruptedException {
        return take(notices, "a notice");
    }

    private static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        T next = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no " + what + " within " + WAIT);
        }
        return next;
    }

    @Override
    public void deliver(String room, RoomLine line) {
        lines.add(new Delivered(room, line));
    }

    @Override
    public void notice(String room, RoomNotice notice) {
        notices.add(new Noticed(room, notice));
    }

    @Override
    public Map<String, Set<String>> members() {
        Map<String, Set<String>> copy = new HashMap<>();
        members.forEach((room, nicks) -> {
            if (!nicks.isEmpty()) {
                copy.put(room, new HashSet<>(nicks));
            }
        });
        return copy;
    }

    @Override
    public void claimLost(String room, String nickname, String holderInstance) {
        remove(room, nickname);
        lost.add(new Lost(room, nickname, holderInstance));
    }
}
