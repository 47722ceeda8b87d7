package dev.weft.http.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Turns values into JSON and JSON into values, for {@link dev.weft.http.Response#json(Object)}
 * and {@link dev.weft.http.Request#body(Class)}. Weft's HTTP module holds no JSON library: an
 * application adds one codec, usually the {@code weft-jackson} module, which provides this
 * interface to {@link java.util.ServiceLoader} ({@code provides dev.weft.http.json.JsonCodec with
 * ...} in its module descriptor, or a {@code META-INF/services} file), or gives one to the
 * pipeline ({@code HttpPipeline.builder(router).json(codec)}, {@code HttpApp.json(codec)}),
 * which takes precedence for the requests that pipeline serves.
 *
 * <p>Implementations must be thread-safe: one codec serves every connection at once.
 */
public interface JsonCodec {

    /**
     * The JSON text of {@code value}, in UTF-8.
     *
     * @param value the value; {@code null} is JSON {@code null}
     * @return the encoded bytes, not retained by the codec
     * @throws IllegalArgumentException when the value cannot be represented (a server bug,
     *     answered 500)
     */
    byte[] encode(Object value);

    /**
     * Writes the JSON text of {@code value}, in UTF-8, to {@code out} as it is produced, for
     * {@link dev.weft.http.Response#jsonStream(dev.weft.http.Status, Object)}: a large document is
     * then never held in memory whole. The default writes {@link #encode(Object)}'s bytes; a codec
     * that can stream overrides it.
     *
     * @param value the value; {@code null} is JSON {@code null}
     * @param out   where to write; not closed by the codec
     * @throws IllegalArgumentException when the value cannot be represented (a server bug; the
     *     response is cut short, since its status is already sent)
     * @throws IOException when writing fails, usually because the client went away
     */
    default void encode(Object value, OutputStream out) throws IOException {
        out.write(encode(value));
    }

    /**
     * Reads one JSON value of type {@code type} from {@code json}.
     *
     * @param json the request body, UTF-8; read to its end or until the value is complete
     * @param type the type wanted: a class, or a parameterised type such as {@code List<Todo>}
     * @return the value
     * @throws JsonException when the input is not JSON or does not fit {@code type}; its message
     *     is sent to the client (as the detail of a 400), so it must not reveal internals
     * @throws IOException when reading the body fails
     */
    Object decode(InputStream json, Type type) throws IOException;
}
