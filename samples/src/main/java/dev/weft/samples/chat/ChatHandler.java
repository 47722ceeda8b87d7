package dev.weft.samples.chat;

import dev.weft.core.BufferedInput;
import dev.weft.core.Client;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import dev.weft.core.LineTooLongException;
import dev.weft.core.rooms.ChatRooms;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Objects;

/**
 * One TCP chat participant: the connection becomes a {@linkplain Connection#client() registry
 * client} (a target of broadcasts), and each line it sends, read through a {@link BufferedInput},
 * goes to its {@link ChatConversation} — the line protocol every kind of chat client shares. A
 * line over the limit is dropped and answered with an error line; the client carries on.
 */
@Singleton
public final class ChatHandler implements ConnectionHandler {

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
        ChatConversation conversation = new ChatConversation(rooms, me);
        try {
            if (conversation.enter()) {
                converse(new BufferedInput(connection), conversation);
            }
        } finally {
            conversation.leave();
        }
    }

    private void converse(BufferedInput in, ChatConversation conversation) throws IOException {
        while (true) {
            String line;
            try {
                line = in.readLine(config.maxLineBytes());
            } catch (LineTooLongException e) {
                conversation.lineTooLong(config.maxLineBytes());
                continue;
            }
            if (line == null || !conversation.line(line)) {
                return; // on /quit the engine writes what is queued ("* bye") before it closes
            }
        }
    }
}
