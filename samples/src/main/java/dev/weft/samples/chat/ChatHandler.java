package dev.weft.samples.chat;

import dev.weft.core.BufferedInput;
import dev.weft.core.Client;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.LineTooLongException;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.JoinResult;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.Member;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.core.rooms.RoomRefusal;
import dev.weft.core.rooms.SayResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One chat participant's connection: read lines, say them to the room, answer commands.
 *
 * <p>The connection becomes a {@linkplain Connection#client() registry client} (a target of
 * broadcasts) and a member of the shared {@link ChatRooms}, where it meets the members of every
 * other protocol — UDP relay peers when the application runs the relay — under nicknames unique
 * across all of them. A client enters the rooms' default room as {@code guest-<id>}; commands are
 * {@code /nick NAME}, {@code /join ROOM}, {@code /who} and {@code /quit}. The rooms send the
 * notices ({@code * ann joined}); this handler words its own answers ({@code * you are now ann},
 * {@code ! nickname ann is taken}).
 *
 * <p>Lines are read through a {@link BufferedInput}. All output to the client — its own answers
 * included — goes through {@link Client#send}, so it is ordered with the lines it receives from
 * others and never blocks another client's thread.
 */
@Singleton
public final class ChatHandler implements ConnectionHandler {

    private static final String COMMANDS = "commands: /nick NAME, /join ROOM, /who, /quit";
    /** How many numbered guest nicknames are tried when {@code guest-<id>} is taken. */
    private static final int GUEST_NAME_ATTEMPTS = 9;

    private final ChatRooms rooms;
    private final ChatConfig config;

    /**
     * @param rooms  the application's shared rooms
     * @param config the chat's line limit
     */
    @Inject
    public ChatHandler(ChatRooms rooms, ChatConfig config) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void handle(Connection connection) throws IOException {
        Client me = connection.client();
        try {
            switch (enterAsGuest(me)) {
                case JoinResult.Joined joined -> welcome(me, joined.member());
                case JoinResult.AlreadyJoined again -> welcome(me, again.member());
                case RoomRefusal refusal -> {
                    say(me, "! cannot enter: " + refusal.message());
                    return;
                }
            }
            converse(new BufferedInput(connection), me);
        } finally {
            rooms.leave(me, LeaveReason.LEFT);
        }
    }

    /** Enters the default room as {@code guest-<id>}, or {@code guest-<id>-2}... if a member of another protocol took it. */
    private JoinResult enterAsGuest(Client me) {
        String guest = "guest-" + me.id();
        JoinResult result = rooms.enter(me, guest);
        for (int n = 2; result instanceof RoomRefusal.NicknameTaken && n <= GUEST_NAME_ATTEMPTS; n++) {
            result = rooms.enter(me, guest + "-" + n);
        }
        return result;
    }

    private static void welcome(Client me, Member member) {
        say(me, "* welcome, " + member.nickname() + " (" + COMMANDS + ")");
    }

    private void converse(BufferedInput in, Client me) throws IOException {
        while (true) {
            String line;
            try {
                line = in.readLine(config.maxLineBytes());
            } catch (LineTooLongException e) {
                say(me, "! line too long: the maximum is " + config.maxLineBytes() + " bytes");
                continue;
            }
            if (line == null) {
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("/")) {
                if (rooms.say(me, line) instanceof RoomRefusal refusal) {
                    say(me, "! " + refusal.message());
                }
            } else if (!command(me, line.strip())) {
                say(me, "* bye"); // the engine writes what is queued before it closes
                return;
            }
        }
    }

    /** Runs one command; returns false when the client asked to quit. */
    private boolean command(Client me, String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        switch (name) {
            case "/quit" -> {
                return false;
            }
            case "/who" -> say(me, online(rooms.presence(roomOf(me))));
            case "/nick" -> answer(me, rooms.rename(me, argument), "* you are now " + argument);
            case "/join" -> answer(me, rooms.join(me, argument, nicknameOf(me)), "* you are in " + argument);
            default -> say(me, "! unknown command " + name + " (" + COMMANDS + ")");
        }
        return true;
    }

    /** {@code * online: ann, bob}, and a warning when the other instances could not be asked. */
    private static String online(RoomPresence presence) {
        return "* online: " + String.join(", ", presence.nicknames())
                + (presence.complete() ? "" : " (this server only: the other servers cannot be reached)");
    }

    private static void answer(Client me, JoinResult result, String done) {
        switch (result) {
            case JoinResult.Joined joined -> say(me, done);
            case JoinResult.AlreadyJoined again -> say(me, done);
            case RoomRefusal refusal -> say(me, "! " + refusal.message());
        }
    }

    private String roomOf(Client me) {
        return rooms.memberOf(me).map(Member::room).orElse(rooms.config().defaultRoom());
    }

    private String nicknameOf(Client me) {
        return rooms.memberOf(me).map(Member::nickname).orElse("guest-" + me.id());
    }

    private static void say(Client client, String text) {
        client.send((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
