package dev.weft.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.weft.http.json.JsonCodec;
import dev.weft.http.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The {@link JsonCodec} on Jackson 2. {@link java.util.ServiceLoader} makes one with
 * {@link #defaultMapper() Weft's defaults} when this module is on the class or module path, so an
 * application needs no code for JSON; one that wants other settings gives its own to the pipeline:
 *
 * <pre>{@code
 * HttpApp.create().json(new JacksonCodec(JacksonCodec.mapperBuilder()
 *         .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
 *         .build()));
 * }</pre>
 *
 * <p>Reading: the request body is parsed as it arrives, never copied whole first. Input that is not
 * JSON, or not JSON of the type asked for, becomes a {@link JsonException} whose message names the
 * problem and where it is ({@code at $.items[2].due: expected a LocalDate in ISO-8601 form, found a
 * number}) — no Java class names and no more than a few dozen characters of the input, since it is
 * sent to the client with the 400. A type Jackson cannot read at all (no constructor it can use) is
 * a server bug: {@link IllegalArgumentException}, a 500.
 *
 * <p>Writing: {@link #encode(Object)} for a {@code Content-Length} body, and
 * {@link #encode(Object, OutputStream)} straight to the connection for a streamed one.
 *
 * <p>Thread-safe, as long as the mapper is not reconfigured after it was given here.
 */
public final class JacksonCodec implements JsonCodec {

    private final ObjectMapper mapper;

    /** A codec on {@link #defaultMapper()}: the one {@link java.util.ServiceLoader} makes. */
    public JacksonCodec() {
        this(defaultMapper());
    }

    /**
     * A codec on {@code mapper}, used as it is: start from {@link #mapperBuilder()} to keep Weft's
     * defaults.
     *
     * @param mapper the mapper; must not be reconfigured afterwards
     */
    public JacksonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * A mapper with Weft's defaults: see {@link #mapperBuilder()}.
     *
     * @return a new mapper
     */
    public static JsonMapper defaultMapper() {
        return mapperBuilder().build();
    }

    /**
     * A builder with Weft's defaults, to change before {@code build()}:
     * <ul>
     *   <li>records, and {@code java.time} types as ISO-8601 text ({@code "2026-01-02"},
     *       {@code "2026-01-02T10:15:30Z"}, {@code "PT30S"}), not numbers;</li>
     *   <li>{@code Optional} and {@code OptionalInt}/{@code Long}/{@code Double} as their value or
     *       {@code null};</li>
     *   <li>properties the type does not have are ignored (a client may send more than a server
     *       reads); {@code enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)} answers them
     *       with a 400 naming the property;</li>
     *   <li>anything after the first JSON value is refused ({@code {"a":1} x} is a 400);</li>
     *   <li>the request body and the response stream are left open for the server to finish.</li>
     * </ul>
     * Jackson's own limits on input stay: nesting depth 1,000, a string of 20 million characters,
     * a number of 1,000 digits; the server's {@code maxBodyBytes} bounds the body anyway.
     *
     * @return a new builder
     */
    public static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /**
     * The mapper this codec uses.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    @Override
    public void encode(Object value, OutputStream out) throws IOException {
        try {
            mapper.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    @Override
    public Object decode(InputStream json, Type type) throws IOException {
        JavaType wanted = mapper.constructType(type);
        // The parser is ours so that a refusal can still say which token it stopped at: Jackson
        // forgets it when it closes the parser.
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                Object value = mapper.readerFor(wanted).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readValue(parser);
                if (mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) && parser.nextToken() != null) {
                    throw new JsonException(InputProblems.trailing(parser.currentTokenLocation()));
                }
                return value;
            } catch (InvalidDefinitionException e) {
                throw new IllegalArgumentException("Jackson cannot read a " + wanted.toCanonical() + ": "
                        + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw new JsonException(InputProblems.describe(e, wanted, parser.currentToken()), e);
            }
        }
    }

    private static IllegalArgumentException cannotWrite(Object value, JsonProcessingException e) {
        return new IllegalArgumentException("Jackson cannot write a " + value.getClass().getName() + " as JSON: "
                + e.getOriginalMessage(), e);
    }

    @Override
    public String toString() {
        return "JacksonCodec[" + mapper.getClass().getSimpleName() + "]";
    }
}
