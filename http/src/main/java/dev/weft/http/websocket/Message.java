package dev.weft.http.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One whole WebSocket data message: {@link Text} or {@link Binary}. */
public sealed interface Message permits Message.Text, Message.Binary {

    /**
     * A text message.
     *
     * @param text the text
     * @return the message
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * A binary message holding {@code data}; the array is not copied.
     *
     * @param data the payload
     * @return the message
     */
    static Binary binary(byte[] data) {
        return new Binary(data);
    }

    /**
     * Which kind of message this is.
     *
     * @return text or binary
     */
    MessageType type();

    /**
     * A text message.
     *
     * @param text the text
     */
    record Text(String text) implements Message {
        /** Checks the text is present. */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        /** @return {@link MessageType#TEXT} */
        @Override
        public MessageType type() {
            return MessageType.TEXT;
        }

        /**
         * The text encoded as UTF-8, as it travels.
         *
         * @return a new array
         */
        public byte[] utf8() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }

    /**
     * A binary message.
     *
     * @param data the payload; not copied, so it must not change once sent
     */
    record Binary(byte[] data) implements Message {
        /** Checks the data is present. */
        public Binary {
            Objects.requireNonNull(data, "data");
        }

        /** @return {@link MessageType#BINARY} */
        @Override
        public MessageType type() {
            return MessageType.BINARY;
        }

        @Override
        public String toString() {
            return "Binary[" + data.length + " bytes]";
        }
    }
}
