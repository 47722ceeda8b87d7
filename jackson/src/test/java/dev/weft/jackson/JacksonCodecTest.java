package dev.weft.jackson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.weft.http.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {

    enum Priority { LOW, HIGH }

    record Todo(long id, String title, boolean done, LocalDate due, Optional<String> note, Priority priority) {
    }

    record Event(Instant at, Duration took, UUID id) {
    }

    record Title(String title) {
        Title {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
        }
    }

    record Basket(List<Item> items) {
    }

    record Item(String name, int count) {
    }

    /** A class Jackson cannot make: no usable constructor. */
    static final class Unreadable {
        private Unreadable(String a, String b) {
        }
    }

    private final JacksonCodec codec = new JacksonCodec();

    private Object decode(String json, Type type) throws IOException {
        return codec.decode(new ByteArrayInputStream(json.getBytes(UTF_8)), type);
    }

    private String problem(String json, Type type) {
        return assertThrows(JsonException.class, () -> decode(json, type)).getMessage();
    }

    @Test
    void recordsJavaTimeAndOptionalsRoundTripAsIsoText() throws IOException {
        Todo todo = new Todo(7, "milk", false, LocalDate.of(2026, 1, 2), Optional.of("2 l"), Priority.HIGH);
        String json = new String(codec.encode(todo), UTF_8);
        assertEquals("{\"id\":7,\"title\":\"milk\",\"done\":false,\"due\":\"2026-01-02\",\"note\":\"2 l\","
                + "\"priority\":\"HIGH\"}", json);
        assertEquals(todo, decode(json, Todo.class));
        Event event = new Event(Instant.parse("2026-01-02T10:15:30Z"), Duration.ofSeconds(30),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        String eventJson = new String(codec.encode(event), UTF_8);
        assertEquals("{\"at\":\"2026-01-02T10:15:30Z\",\"took\":\"PT30S\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}",
                eventJson);
        assertEquals(event, decode(eventJson, Event.class));
        assertEquals(new Todo(1, "x", false, null, Optional.empty(), null), decode("{\"id\":1,\"title\":\"x\"}", Todo.class));
    }

    @Test
    void genericTypesAndScalarsDecode() throws IOException {
        Type items = new TypeReference<List<Item>>() { }.getType();
        assertEquals(List.of(new Item("a", 1), new Item("b", 2)),
                decode("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]", items));
        assertEquals(42, decode("42", int.class));
        assertEquals("hi", decode("\"hi\"", String.class));
        assertNull(decode("null", Todo.class));
        assertEquals(Map.of("a", 1), decode("{\"a\":1}", Map.class));
    }

    @Test
    void unknownPropertiesAreIgnoredUnlessTheMapperIsStrict() throws IOException {
        assertEquals(new Item("a", 1), decode("{\"name\":\"a\",\"count\":1,\"colour\":\"red\"}", Item.class));
        JacksonCodec strict = new JacksonCodec(JacksonCodec.mapperBuilder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        JsonException refused = assertThrows(JsonException.class, () -> strict.decode(
                new ByteArrayInputStream("{\"name\":\"a\",\"colour\":\"red\"}".getBytes(UTF_8)), Item.class));
        assertEquals("unknown property $.colour", refused.getMessage());
        assertTrue(strict.mapper().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    @Test
    void malformedJsonIsNamedWithItsPlace() {
        assertEquals("Unexpected character ('}' (code 125)): was expecting double-quote to start field name"
                + " at line 1, column 13", problem("{\"name\":\"a\",}", Item.class));
        assertEquals("the JSON ends too early at line 2, column 15", problem("{\"name\":\n  \"a\", \"count\"", Item.class));
        assertEquals("more after the JSON value at line 1, column 14", problem("{\"name\":\"a\"} {}", Item.class));
        assertEquals("Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false') at line 1, column 14", problem("{\"name\":\"a\"} x", Item.class));
        assertEquals("the body is empty; expected an object", problem("", Item.class));
        assertEquals("the body is empty; expected an array", problem("  \n", new TypeReference<List<Item>>() { }.getType()));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathInWordsNotJavaClasses() {
        assertEquals("at $.count: expected an integer, found true or false",
                problem("{\"name\":\"a\",\"count\":true}", Item.class));
        assertEquals("at $.items[1].count: 'many' is not an integer",
                problem("{\"items\":[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":\"many\"}]}", Basket.class));
        assertEquals("at $.due: 'tomorrow' is not a LocalDate in ISO-8601 form",
                problem("{\"id\":1,\"due\":\"tomorrow\"}", Todo.class));
        assertEquals("at $.priority: 'URGENT' is not one of [LOW, HIGH]",
                problem("{\"id\":1,\"priority\":\"URGENT\"}", Todo.class));
        assertEquals("at $: expected an object, found an array", problem("[1]", Item.class));
        assertEquals("at $: title must not be blank", problem("{\"title\":\" \"}", Title.class));
        String everything = String.join("\n", problem("{\"count\":[1]}", Item.class), problem("{\"id\":\"x\"}", Todo.class));
        assertFalse(everything.contains("java."), everything);
        assertFalse(everything.contains("dev.weft"), everything);
    }

    @Test
    void hugeInputIsNeverEchoedBack() {
        String huge = "x".repeat(1_000_000);
        for (String json : List.of("{\"name\":" + huge + "}", "{\"" + huge + "\":1}", "{\"count\":\"" + huge + "\"}",
                "{\"priority\":\"" + huge + "\"}", huge)) {
            Type type = json.contains("priority") ? Todo.class : Item.class;
            String message = problem(json, type);
            assertTrue(message.length() < 200, message);
        }
        JacksonCodec strict = new JacksonCodec(JacksonCodec.mapperBuilder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        String longName = "x".repeat(10_000);
        String unknown = assertThrows(JsonException.class, () -> strict.decode(
                new ByteArrayInputStream(("{\"" + longName + "\":1}").getBytes(UTF_8)), Item.class)).getMessage();
        assertEquals("unknown property $['" + "x".repeat(40) + "…']", unknown);
        assertEquals("Name length (65536) exceeds the maximum allowed (50000)", problem("{\"" + huge + "\":1}", Item.class));
    }

    @Test
    void jacksonsLimitsAreReportedWithoutItsInternals() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        String message = problem(deep, Object.class);
        assertTrue(message.startsWith("Document nesting depth (1001) exceeds the maximum allowed (1000"), message);
        assertFalse(message.contains("StreamReadConstraints"), message);
    }

    @Test
    void aTypeJacksonCannotReadIsAServerBugNotTheClients() {
        IllegalArgumentException bug = assertThrows(IllegalArgumentException.class, () -> decode("{}", Unreadable.class));
        assertTrue(bug.getMessage().contains("cannot read"), bug.getMessage());
        IllegalArgumentException unwritable = assertThrows(IllegalArgumentException.class, () -> codec.encode(new Object()));
        assertTrue(unwritable.getMessage().startsWith("Jackson cannot write a java.lang.Object as JSON"), unwritable.getMessage());
    }

    @Test
    void decodingReadsTheBodyAsItArrivesNeverWhole() throws IOException {
        List<Item> many = IntStream.range(0, 100_000).mapToObj(i -> new Item("item " + i, i)).toList();
        byte[] json = codec.encode(many);
        assertTrue(json.length > 2_000_000);
        ReadWatcher body = new ReadWatcher(json);
        Object decoded = codec.decode(body, new TypeReference<List<Item>>() { }.getType());
        assertEquals(many, decoded);
        assertTrue(body.largestRead <= 64 * 1024, "largest single read: " + body.largestRead);
        assertFalse(body.closed, "the server, not the codec, finishes the body");
    }

    @Test
    void encodingToAStreamWritesAsItGoesAndLeavesTheStreamOpen() throws IOException {
        List<Item> many = IntStream.range(0, 100_000).mapToObj(i -> new Item("item " + i, i)).toList();
        WriteWatcher out = new WriteWatcher();
        codec.encode(many, out);
        assertEquals(new String(codec.encode(many), UTF_8), out.bytes.toString(UTF_8));
        assertTrue(out.largestWrite <= 64 * 1024, "largest single write: " + out.largestWrite);
        assertTrue(out.writes > 10, "writes: " + out.writes);
        assertFalse(out.closed, "the server, not the codec, ends the body");
    }

    /** A body that records how it is read. */
    private static final class ReadWatcher extends InputStream {
        private final ByteArrayInputStream bytes;
        int largestRead;
        boolean closed;

        ReadWatcher(byte[] content) {
            bytes = new ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRead = Math.max(largestRead, len);
            return bytes.read(b, off, len);
        }

        @Override
        public byte[] readAllBytes() {
            throw new AssertionError("the codec read the whole body at once");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A body stream that records how it is written. */
    private static final class WriteWatcher extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int largestWrite;
        int writes;
        boolean closed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            largestWrite = Math.max(largestWrite, len);
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
