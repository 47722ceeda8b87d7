package dev.weft.core.rooms;

import java.util.List;

/**
 * The other instances of the application, as {@link ChatRooms} needs them when several instances
 * share their rooms: the service provider interface through which a cluster extension — Weft's
 * {@code weft-redis} — makes nicknames unique across instances, carries each room's lines and
 * membership changes to the other instances, answers who is in a room everywhere, and keeps each
 * room's history. Attach one with {@link ChatRooms#attach}; what comes back from the other
 * instances goes into {@link ChatRooms#localRooms()}.
 *
 * <p>The calls of one change, in order: {@link #claim} before the local join (a
 * {@link NicknameClaim.Taken} refuses it), then — once the local rooms took the member —
 * {@link #joined} or {@link #renamed}, or {@link #release} if the local rooms refused after all;
 * {@link #left} when a member leaves, {@link #publish} for each line after its local delivery.
 *
 * <p><b>Threading.</b> {@code ChatRooms} never calls a cluster under its lock. Each method is
 * called on the thread of the client concerned — a TCP connection's thread, a UDP relay's
 * receive loop or handler thread, a WebSocket session's thread — and so must never keep it
 * waiting for long: {@link #claim}, {@link #who} and {@link #history} wait for the other
 * instances at most a configured timeout, after which they answer from what this instance knows;
 * the others must not wait at all (queue the event; when the queue is full, drop it and count
 * it). Implementations are safe to call from any thread. An exception thrown by a method is
 * logged by {@code ChatRooms} as a bug and treated as the cluster being unreachable.
 */
public interface RoomsCluster {

    /**
     * This instance's name in the cluster, as the other instances show it.
     *
     * @return the name
     */
    String instanceName();

    /**
     * Claims {@code nickname} in {@code room} across the cluster for a member about to join here
     * (a join, a move, or a new nickname), after it passed the local checks. Waits at most the
     * cluster's timeout. Unless it answers {@link NicknameClaim.Taken}, the room's lines published
     * from now on by other instances reach this one.
     *
     * @param room     the room
     * @param nickname the nickname
     * @return {@link NicknameClaim.Taken} when a member of another live instance has it — nothing
     *         changed then; else the nickname is this instance's (or will be, once checked)
     */
    NicknameClaim claim(String room, String nickname);

    /**
     * Gives back a nickname {@link #claim claimed} for a join that the local rooms then refused
     * (the room filled meanwhile, say). Nobody is told. Never waits.
     *
     * @param room     the room
     * @param nickname the nickname claimed
     */
    void release(String room, String nickname);

    /**
     * A member joined {@code room} here under {@code nickname}, claimed before: tells the other
     * instances. Never waits.
     *
     * @param room     the room
     * @param nickname the member's nickname
     */
    void joined(String room, String nickname);

    /**
     * A member of {@code room} here changed nickname from {@code from} to {@code to} (claimed
     * before): releases {@code from} and tells the other instances. Never waits.
     *
     * @param room the room
     * @param from the old nickname
     * @param to   the new nickname
     */
    void renamed(String room, String from, String to);

    /**
     * A member left {@code room} here — to another room, on request, expired or disconnected:
     * releases the nickname and tells the other instances why. Never waits.
     *
     * @param room     the room
     * @param nickname the member's nickname
     * @param reason   why, for the other instances' notice
     */
    void left(String room, String nickname, LeaveReason reason);

    /**
     * A member here said {@code text} in {@code room}, already delivered to the local members:
     * sends it to the room's members on the other instances and to the room's history. Never
     * waits.
     *
     * @param room     the room
     * @param nickname the speaker
     * @param text     the line, without line end
     * @return false if the line was dropped (and counted): the cluster's queue is full
     */
    boolean publish(String room, String nickname, String text);

    /**
     * Who is in {@code room} on every instance. Waits at most the cluster's timeout.
     *
     * @param room the room
     * @return the members, sorted by nickname; {@linkplain RoomPresence#complete() incomplete}
     *         when the cluster could not be asked (then {@code ChatRooms} lists its own members)
     */
    RoomPresence who(String room);

    /**
     * The last lines said in {@code room}, oldest first, on whichever instance: what a member who
     * just joined is sent. Waits at most the cluster's timeout; empty when the cluster could not
     * be asked.
     *
     * @param room the room
     * @return the lines, oldest first
     */
    List<RoomLine> history(String room);

    /**
     * Whether this instance is linked to the cluster now: what a health check reports to load
     * balancers.
     *
     * @return true while the other instances can be reached
     */
    boolean connected();
}
