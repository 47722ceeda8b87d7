package dev.weft.http.json;

/**
 * Input that is not JSON, or not JSON of the type asked for. Thrown by a {@link JsonCodec} and
 * answered {@code 400 Bad Request} with the message as the detail, so the message must say what
 * is wrong with the input (a missing field, a value of the wrong type, where) and nothing about
 * the server.
 */
public class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message is sent to the client.
     *
     * @param message what is wrong with the input
     */
    public JsonException(String message) {
        super(message);
    }

    /**
     * An exception whose message is sent to the client; the cause stays on the server.
     *
     * @param message what is wrong with the input
     * @param cause   the codec's own exception, logged at DEBUG
     */
    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
