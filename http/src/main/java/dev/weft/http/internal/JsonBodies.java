package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Status;
import dev.weft.http.json.JsonCodec;
import dev.weft.http.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON request body through a {@link JsonCodec}: a body whose {@code Content-Type} is not
 * {@code application/json} or {@code application/…+json} is answered 415, one the codec refuses
 * 400 with the codec's message as the detail.
 */
public final class JsonBodies {

    private static final Logger log = LoggerFactory.getLogger(JsonBodies.class);

    private JsonBodies() {
    }

    /**
     * Whether {@code contentType} names JSON: {@code application/json} or a {@code +json} type.
     *
     * @param contentType the field value, possibly with parameters, or null
     * @return whether it is JSON
     */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = ParameterizedValue.parse(contentType).value();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /**
     * Decodes {@code body} as a {@code type}.
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @param body        the request body
     * @param type        the type wanted
     * @param codec       the codec
     * @param <T>         the type wanted
     * @return the value (null for a JSON {@code null})
     * @throws HttpException 415 for a body that is not JSON, 400 for JSON the codec refuses
     * @throws IOException when reading the body fails
     */
    public static <T> T read(String contentType, InputStream body, Class<T> type, JsonCodec codec) throws IOException {
        if (!isJson(contentType)) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE_415, "expected application/json, not "
                    + (contentType == null ? "a body without Content-Type" : ParameterizedValue.parse(contentType).value()));
        }
        Object value;
        try {
            value = codec.decode(body, type);
        } catch (JsonException e) {
            log.debug("request body refused by the JSON codec: {}", e.toString());
            throw new HttpException(Status.BAD_REQUEST_400, "malformed JSON: " + e.getMessage());
        }
        return type.isPrimitive() ? unchecked(value) : type.cast(value);
    }

    @SuppressWarnings("unchecked") // a codec decoding int.class returns an Integer
    private static <T> T unchecked(Object value) {
        return (T) value;
    }
}
