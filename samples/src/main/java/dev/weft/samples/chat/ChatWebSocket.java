package dev.weft.samples.chat;

import dev.weft.core.rooms.ChatRooms;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.http.websocket.WebSocketSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The web chat at {@code /ws/chat}: the TCP chat's line protocol over WebSocket, for the page at
 * {@code /chat} (or any WebSocket client of the same origin). The session becomes a
 * {@linkplain WebSocketSession#client() registry client} and a participant of the shared rooms,
 * starting in the same default room as a TCP client, under the same nickname rules; each text
 * message from the client is one line handed to its {@link ChatConversation} (a message holding
 * several lines counts as several, so no line can carry another's line ending), and each line the
 * server sends is one text message.
 *
 * <p>Outcomes: a line over the chat's limit is dropped and answered with an error line, as over
 * TCP; a binary message closes the session with {@code 1003} ("text only"); {@code /quit} ends it
 * with {@code 1000} after {@code * bye}.
 */
@Singleton
public final class ChatWebSocket implements WebSocketEndpoint {

    /** The least message limit, whatever the line limit: over it, the session closes with {@code 1009}. */
    static final int MIN_MESSAGE_BYTES = 64 * 1024;

    private final ChatRooms rooms;
    private final ChatConfig config;

    /**
     * @param rooms  the application's shared rooms
     * @param config the chat's line limit
     */
    @Inject
    public ChatWebSocket(ChatRooms rooms, ChatConfig config) {
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The route's configuration: pages of this server's own origin only (another site's page
     * cannot join the chat in a visitor's name), messages up to 64 KiB or the line limit if
     * larger (a line over the line limit is answered, a message over this closes with
     * {@code 1009}), the default keep-alive and queue, no compression (chat lines are short).
     *
     * @return the configuration
     */
    public WebSocketConfig webSocketConfig() {
        return WebSocketConfig.builder()
                .maxMessageAndFrameBytes(Math.max(MIN_MESSAGE_BYTES, config.maxLineBytes()))
                .build();
    }

    @Override
    public void serve(WebSocketSession session) {
        ChatConversation conversation = new ChatConversation(rooms, session.client());
        try {
            if (!conversation.enter()) {
                return;
            }
            Message message;
            while ((message = session.receive()) != null) {
                switch (message) {
                    case Message.Text text -> {
                        if (!lines(text.text(), conversation)) {
                            return;
                        }
                    }
                    case Message.Binary binary -> {
                        session.close(CloseStatus.UNSUPPORTED_DATA_1003.code(), "text only");
                        return;
                    }
                }
            }
        } finally {
            conversation.leave();
        }
    }

    /** Hands each line of {@code text} to the conversation; false once it asked to quit. */
    private boolean lines(String text, ChatConversation conversation) {
        for (String line : text.split("\n", -1)) {
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (content.getBytes(StandardCharsets.UTF_8).length > config.maxLineBytes()) {
                conversation.lineTooLong(config.maxLineBytes());
            } else if (!conversation.line(content)) {
                return false;
            }
        }
        return true;
    }
}
