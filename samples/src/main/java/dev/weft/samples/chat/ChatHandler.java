package dev.weft.samples.chat;

import dev.weft.core.AttributeKey;
import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.LineTooLongException;
import dev.weft.udp.ChatPresence;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One chat participant's connection: read lines, broadcast them to the room, answer commands.
 *
 * <p>Rooms and nicknames are the {@link ChatPresence} attributes, shared with the UDP relay when
 * the application runs one on the same registry: lines go to every client of the room, TCP or
 * UDP. A client starts in {@link #DEFAULT_ROOM}.
 *
 * <p>All output to the client — its own answers included — goes through {@link Client#send},
 * so it is ordered with the broadcasts it receives and never blocks another client's thread.
 */
@Singleton
public final class ChatHandler implements ConnectionHandler {

    /** The nickname of a chat participant: {@link ChatPresence#NICKNAME}, shared with UDP peers. */
    public static final AttributeKey<String> NICKNAME = ChatPresence.NICKNAME;

    /** The room every client starts in. */
    public static final String DEFAULT_ROOM = "lobby";

    private static final String COMMANDS = "commands: /nick NAME, /join ROOM, /who, /quit";

    private final ClientRegistry registry;
    private final ChatConfig config;
    /** Nicknames in use, to their client id: claimed atomically so two clients never share one. */
    private final ConcurrentHashMap<String, Long> nicknames = new ConcurrentHashMap<>();

    /**
     * @param registry the application's registry, through which lines are broadcast
     * @param config   the chat's limits
     */
    @Inject
    public ChatHandler(ClientRegistry registry, ChatConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public void handle(Connection connection) throws IOException {
        Client me = connection.client();
        String nick = claimGuestNickname(me);
        try {
            say(me, "* welcome, " + nick + " (" + COMMANDS + ")");
            broadcast(me, "* " + nick + " joined");
            converse(connection, me);
        } finally {
            String last = me.attributes().get(NICKNAME).orElse(nick);
            nicknames.remove(last, me.id());
            broadcast(me, "* " + last + " left");
        }
    }

    private void converse(Connection connection, Client me) throws IOException {
        while (true) {
            String line;
            try {
                line = connection.readLine(config.maxLineBytes());
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
                broadcast(me, nickOf(me) + ": " + line);
            } else if (!command(me, line.strip())) {
                say(me, "* bye");
                connection.flush();
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
            case "/who" -> say(me, "* online: " + String.join(", ", onlineNicknames(roomOf(me))));
            case "/nick" -> rename(me, argument);
            case "/join" -> joinRoom(me, argument);
            default -> say(me, "! unknown command " + name + " (" + COMMANDS + ")");
        }
        return true;
    }

    private void rename(Client me, String wanted) {
        if (!isValidNickname(wanted)) {
            say(me, "! a nickname is 1 to " + config.maxNickLength()
                    + " letters, digits, '-' or '_'");
            return;
        }
        String old = nickOf(me);
        if (wanted.equals(old)) {
            return;
        }
        if (usedByAnotherProtocol(wanted) || nicknames.putIfAbsent(wanted, me.id()) != null) {
            say(me, "! nickname " + wanted + " is taken");
            return;
        }
        me.attributes().put(NICKNAME, wanted);
        nicknames.remove(old, me.id());
        say(me, "* you are now " + wanted);
        broadcast(me, "* " + old + " is now " + wanted);
    }

    private void joinRoom(Client me, String room) {
        if (!isValidNickname(room)) {
            say(me, "! a room is 1 to " + config.maxNickLength() + " letters, digits, '-' or '_'");
            return;
        }
        if (room.equals(roomOf(me))) {
            return;
        }
        String nick = nickOf(me);
        broadcast(me, "* " + nick + " left");
        me.attributes().put(ChatPresence.ROOM, room);
        say(me, "* you are in " + room);
        broadcast(me, "* " + nick + " joined");
    }

    /** Whether a client of another protocol (a UDP peer), outside this handler's table, has the nickname. */
    private boolean usedByAnotherProtocol(String nick) {
        return registry.snapshot().stream()
                .anyMatch(c -> !c.protocol().equals("tcp") && nick.equals(c.attributes().get(NICKNAME).orElse(null)));
    }

    private boolean isValidNickname(String nick) {
        if (nick.isEmpty() || nick.length() > config.maxNickLength()) {
            return false;
        }
        for (int i = 0; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private String claimGuestNickname(Client me) {
        String nick = "guest-" + me.id();
        nicknames.put(nick, me.id());
        me.attributes().put(NICKNAME, nick);
        me.attributes().put(ChatPresence.ROOM, DEFAULT_ROOM);
        return nick;
    }

    private List<String> onlineNicknames(String room) {
        return registry.snapshot().stream()
                .filter(ChatPresence.inRoom(room))
                .map(c -> c.attributes().get(NICKNAME))
                .flatMap(java.util.Optional::stream)
                .sorted()
                .toList();
    }

    private static String roomOf(Client client) {
        return client.attributes().get(ChatPresence.ROOM).orElse(DEFAULT_ROOM);
    }

    private static String nickOf(Client client) {
        return client.attributes().get(NICKNAME).orElse("guest-" + client.id());
    }

    private static void say(Client client, String text) {
        client.send(line(text));
    }

    private void broadcast(Client from, String text) {
        byte[] bytes = line(text);
        registry.broadcast(bytes, ChatPresence.inRoom(roomOf(from)).and(c -> c.id() != from.id()));
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
