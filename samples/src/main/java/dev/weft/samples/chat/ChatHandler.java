package dev.weft.samples.chat;

import dev.weft.core.AttributeKey;
import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.LineTooLongException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One chat participant's connection: read lines, broadcast them, answer commands.
 *
 * <p>All output to the client — its own answers included — goes through {@link Client#send},
 * so it is ordered with the broadcasts it receives and never blocks another client's thread.
 */
@Singleton
public final class ChatHandler implements ConnectionHandler {

    /** The nickname of a chat participant. */
    public static final AttributeKey<String> NICKNAME = AttributeKey.of("nickname", String.class);

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
            say(me, "* welcome, " + nick + " (commands: /nick NAME, /who, /quit)");
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
            case "/who" -> say(me, "* online: " + String.join(", ", onlineNicknames()));
            case "/nick" -> rename(me, argument);
            default -> say(me, "! unknown command " + name + " (commands: /nick NAME, /who, /quit)");
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
        if (nicknames.putIfAbsent(wanted, me.id()) != null) {
            say(me, "! nickname " + wanted + " is taken");
            return;
        }
        me.attributes().put(NICKNAME, wanted);
        nicknames.remove(old, me.id());
        say(me, "* you are now " + wanted);
        broadcast(me, "* " + old + " is now " + wanted);
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
        return nick;
    }

    private List<String> onlineNicknames() {
        return registry.snapshot().stream()
                .map(c -> c.attributes().get(NICKNAME))
                .flatMap(java.util.Optional::stream)
                .sorted()
                .toList();
    }

    private static String nickOf(Client client) {
        return client.attributes().get(NICKNAME).orElse("guest-" + client.id());
    }

    private static void say(Client client, String text) {
        client.send(line(text));
    }

    private void broadcast(Client from, String text) {
        byte[] bytes = line(text);
        registry.broadcast(bytes, c -> c.id() != from.id() && c.attributes().get(NICKNAME).isPresent());
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
