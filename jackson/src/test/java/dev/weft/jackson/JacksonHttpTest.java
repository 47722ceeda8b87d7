package dev.weft.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.weft.http.HttpApp;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.testing.HttpTestClient;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestResponse;
import dev.weft.testing.TestServer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The codec in a real server, over sockets: found through ServiceLoader, 400 and 415, streamed bodies. */
@ExtendWith(ServerExtension.class)
class JacksonHttpTest {

    record Item(String name, int count) {
    }

    /** {@code n} items made one at a time as the body is written, never held together. */
    private static Iterator<Item> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Item("item " + i, i)).iterator();
    }

    private static HttpApp routes() {
        return HttpApp.create()
                .post("/items", request -> Response.json(Status.CREATED_201, request.body(Item.class)))
                .get("/items", request -> Response.jsonStream(Status.OK_200,
                        items(request.queryParameter("n", Integer.class).orElse(3))));
    }

    @TestServer
    final HttpServer server = new HttpServer(HttpServerConfig.loopback(0), routes().pipeline());

    @TestServer
    final HttpServer strict = new HttpServer(HttpServerConfig.loopback(0), routes()
            .json(new JacksonCodec(JacksonCodec.mapperBuilder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()))
            .pipeline());

    private HttpTestClient client() {
        return HttpTestClient.of(server);
    }

    @Test
    void theInstalledCodecReadsAndWritesJsonWithNoConfiguration() {
        try (HttpTestClient client = client()) {
            client.postJson("/items", "{\"name\":\"milk\",\"count\":2,\"colour\":\"white\"}")
                    .assertStatus(201)
                    .assertHeader("Content-Type", "application/json")
                    .assertJson("{\"name\":\"milk\",\"count\":2}");
        }
    }

    @Test
    void malformedJsonIsA400NamingTheProblemAndWhere() {
        try (HttpTestClient client = client()) {
            client.withHeader("Accept", "application/json").postJson("/items", "{\"name\":\"milk\",}")
                    .assertStatus(400)
                    .assertHeader("Content-Type", "application/problem+json")
                    .assertJson("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                            + "\"malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote"
                            + " to start field name at line 1, column 16\"}");
            client.postJson("/items", "{\"name\":\"milk\",\"count\":\"two\"}")
                    .assertStatus(400)
                    .assertBody("malformed JSON: at $.count: 'two' is not an integer\n");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        try (HttpTestClient client = client()) {
            client.post("/items", "text/plain", "{\"name\":\"milk\"}")
                    .assertStatus(415)
                    .assertBody("expected application/json, not text/plain\n");
            client.post("/items", "application/vnd.todo+json", "{\"name\":\"milk\",\"count\":1}").assertStatus(201);
        }
    }

    @Test
    void aHugeBadBodyGetsAShortAnswer() {
        try (HttpTestClient client = client()) {
            TestResponse response = client.postJson("/items", "{\"name\":\"milk\",\"count\":\"" + "9".repeat(2_000_000) + "x\"}")
                    .assertStatus(400);
            assertTrue(response.bodyBytes().length < 200, response.body());
            response.assertBody("malformed JSON: at $.count: Number value length (2000001) exceeds the maximum allowed (1000)\n");
        }
    }

    @Test
    void aStrictMapperGivenToTheAppRefusesUnknownProperties() {
        try (HttpTestClient client = HttpTestClient.of(strict)) {
            client.postJson("/items", "{\"name\":\"milk\",\"count\":2,\"colour\":\"white\"}")
                    .assertStatus(400)
                    .assertBody("malformed JSON: unknown property $.colour\n");
        }
    }

    @Test
    void aStreamedListIsWrittenChunkedAsItIsMade() {
        try (HttpTestClient client = client()) {
            TestResponse small = client.get("/items").assertStatus(200).assertHeader("Content-Type", "application/json")
                    .assertNoHeader("Content-Length")
                    .assertJson("[{\"name\":\"item 0\",\"count\":0},{\"name\":\"item 1\",\"count\":1},"
                            + "{\"name\":\"item 2\",\"count\":2}]");
            assertEquals(List.of("chunked"), small.headers("Transfer-Encoding"));
            TestResponse large = client.get("/items?n=200000").assertStatus(200);
            assertTrue(large.body().endsWith("{\"name\":\"item 199999\",\"count\":199999}]"));
            assertEquals(200_000, large.body().split("\\},\\{").length);
        }
    }
}
