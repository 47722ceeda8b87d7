package dev.weft.samples.chat;

import dev.weft.core.Client;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.JoinResult;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.Member;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.core.rooms.RoomRefusal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The chat's line protocol for one participant, whatever carries the lines: the TCP chat
 * ({@link ChatHandler}) and the web chat ({@link ChatWebSocket}) both read lines their own way and
 * hand each one here, so a browser, an {@code nc} client and a UDP peer follow exactly the same
 * rules.
 *
 * <p>The participant is a {@link Client} of the shared registry and a member of the shared
 * {@link ChatRooms}, where it meets the members of every other protocol under nicknames unique
 * across all of them. It enters the rooms' default room as {@code guest-<id>}; commands are
 * {@code /nick NAME}, {@code /join ROOM}, {@code /who} and {@code /quit}; any other line is said
 * to the room. The rooms send the notices ({@code * ann joined}); this class words its own
 * answers ({@code * you are now ann}, {@code ! nickname ann is taken}). Every answer goes through
 * {@link Client#send}, so it is ordered with the lines the participant receives from others and
 * never blocks another participant's thread.
 */
final class ChatConversation {

    private static final String COMMANDS = "commands: /nick NAME, /join ROOM, /who, /quit";
    /** How many numbered guest nicknames are tried when {@code guest-<id>} is taken. */
    private static final int GUEST_NAME_ATTEMPTS = 9;

    private final ChatRooms rooms;
    private final Client me;

    /**
     * @param rooms the application's shared rooms
     * @param me    the participant, a registry client
     */
    ChatConversation(ChatRooms rooms, Client me) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.me = Objects.requireNonNull(me, "me");
    }

    /**
     * Enters the default room as {@code guest-<id>} (or {@code guest-<id>-2}… when a member of
     * another protocol took it) and welcomes the participant.
     *
     * @return false when the rooms refused entry (the participant was told why): end the session
     */
    boolean enter() {
        String guest = "guest-" + me.id();
        JoinResult result = rooms.enter(me, guest);
        for (int n = 2; result instanceof RoomRefusal.NicknameTaken && n <= GUEST_NAME_ATTEMPTS; n++) {
            result = rooms.enter(me, guest + "-" + n);
        }
        return switch (result) {
            case JoinResult.Joined joined -> welcome(joined.member());
            case JoinResult.AlreadyJoined again -> welcome(again.member());
            case RoomRefusal refusal -> {
                say("! cannot enter: " + refusal.message());
                yield false;
            }
        };
    }

    private boolean welcome(Member member) {
        say("* welcome, " + member.nickname() + " (" + COMMANDS + ")");
        return true;
    }

    /**
     * Handles one line the participant sent, without its line ending.
     *
     * @param line the line
     * @return false when the participant asked to quit (it was told {@code * bye}): end the session
     */
    boolean line(String line) {
        if (line.isBlank()) {
            return true;
        }
        if (!line.startsWith("/")) {
            if (rooms.say(me, line) instanceof RoomRefusal refusal) {
                say("! " + refusal.message());
            }
            return true;
        }
        if (!command(line.strip())) {
            say("* bye"); // queued ahead of the close, which the session's engine sends after it
            return false;
        }
        return true;
    }

    /** Tells the participant its line was longer than {@code maxLineBytes} and dropped. */
    void lineTooLong(int maxLineBytes) {
        say("! line too long: the maximum is " + maxLineBytes + " bytes");
    }

    /** Leaves the rooms; call once the session ends, however it ends. */
    void leave() {
        rooms.leave(me, LeaveReason.LEFT);
    }

    /** Runs one command; returns false when the participant asked to quit. */
    private boolean command(String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        switch (name) {
            case "/quit" -> {
                return false;
            }
            case "/who" -> say(online(rooms.presence(room())));
            case "/nick" -> answer(rooms.rename(me, argument), "* you are now " + argument);
            case "/join" -> answer(rooms.join(me, argument, nickname()), "* you are in " + argument);
            default -> say("! unknown command " + name + " (" + COMMANDS + ")");
        }
        return true;
    }

    /** {@code * online: ann, bob}, and a warning when the other instances could not be asked. */
    private static String online(RoomPresence presence) {
        return "* online: " + String.join(", ", presence.nicknames())
                + (presence.complete() ? "" : " (this server only: the other servers cannot be reached)");
    }

    private void answer(JoinResult result, String done) {
        switch (result) {
            case JoinResult.Joined joined -> say(done);
            case JoinResult.AlreadyJoined again -> say(done);
            case RoomRefusal refusal -> say("! " + refusal.message());
        }
    }

    private String room() {
        return rooms.memberOf(me).map(Member::room).orElse(rooms.config().defaultRoom());
    }

    private String nickname() {
        return rooms.memberOf(me).map(Member::nickname).orElse("guest-" + me.id());
    }

    private void say(String text) {
        me.send((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
