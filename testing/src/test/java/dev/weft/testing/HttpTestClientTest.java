package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

@ExtendWith(ServerExtension.class)
class HttpTestClientTest {

    @TestServer
    final JdkHttpServer server = new JdkHttpServer();

    @Test
    void aTestThatAsksForAClientGetsOneOfItsServer(HttpTestClient client) {
        client.get("/todos?done=true")
                .assertStatus(200)
                .assertHeader("content-type", "application/json")
                .assertJson("""
                        {"method": "GET", "path": "/todos", "query": "done=true", "type": "null",
                         "token": "null", "body": ""}""");
    }

    @Test
    void postJsonSendsTheBodyAsJson(HttpTestClient client) {
        client.postJson("/todos", "{\"title\":\"milk\"}")
                .assertJson("{\"method\":\"POST\",\"path\":\"/todos\",\"query\":\"null\",\"type\":\"application/json\","
                        + "\"token\":\"null\",\"body\":\"{\\\"title\\\":\\\"milk\\\"}\"}");
        client.putJson("/todos/1", "[]").assertBodyContains("\"method\": \"PUT\"");
        client.post("/notes", "text/plain", "hi").assertBodyContains("\"type\": \"text/plain\"")
                .assertBodyContains("\"body\": \"hi\"");
        client.delete("/todos/1").assertBodyContains("\"method\": \"DELETE\"");
        client.request("OPTIONS", "/x").header("X-Token", "t1").send().assertBodyContains("\"token\": \"t1\"");
    }

    @Test
    void aClientWithAHeaderSendsItWithEveryRequestAndLeavesTheOriginalAlone(HttpTestClient client) {
        HttpTestClient authorised = client.withHeader("X-Token", "secret");
        authorised.get("/a").assertBodyContains("\"token\": \"secret\"");
        authorised.postJson("/b", "1").assertBodyContains("\"token\": \"secret\"");
        client.get("/a").assertBodyContains("\"token\": \"null\"");
    }

    @Test
    void headersAreReadInAnyCaseWithEveryValue(HttpTestClient client) {
        TestResponse response = client.get("/");
        assertEquals(List.of("jdk", "test"), response.headers("x-served-by"));
        assertEquals("jdk", response.header("X-SERVED-BY").orElseThrow());
        response.assertHeader("X-Served-By", "jdk").assertNoHeader("X-Missing");
    }

    @Test
    void theBodyIsDecodedInTheCharsetTheServerNames(HttpTestClient client) {
        client.get("/latin1").assertBody("café").assertHeader("Content-Type", "text/plain; charset=ISO-8859-1");
    }

    @Test
    void jsonIsComparedByContentNotByLayout(HttpTestClient client) {
        client.get("/a").assertJson("""
                {"body":"","token":"null","type":"null","query":"null","path":"/a","method":"GET"}""");
        assertEquals("{\"a\":[1,1.5,1000,0,true,null,\"x\\\"y\"],\"b\":{}}",
                JsonTree.canonical(" { \"b\" : { } , \"a\" : [ 1.0, 15e-1, 1E3, -0, true, null, \"x\\\"y\" ] } "));
        assertEquals("\"é\\n\"", JsonTree.canonical("\"\\u00e9\\n\""));
    }

    @Test
    void failedAssertionsNameTheRequestAndShowTheBody(HttpTestClient client) {
        TestResponse teapot = client.get("/status/418");
        assertEquals(418, teapot.status());
        AssertionFailedError status = assertThrows(AssertionFailedError.class, () -> teapot.assertStatus(200));
        assertTrue(status.getMessage().contains("GET /status/418 → 418: status 418"), status.getMessage());
        assertThrows(AssertionFailedError.class, () -> teapot.assertBody("other"));
        assertThrows(AssertionFailedError.class, () -> teapot.assertBodyContains("other"));
        AssertionFailedError missing = assertThrows(AssertionFailedError.class, () -> teapot.assertHeader("X-Missing", "v"));
        assertTrue(missing.getMessage().contains("no X-Missing field"), missing.getMessage());
        AssertionFailedError notJson = assertThrows(AssertionFailedError.class, () -> teapot.assertJson("{}"));
        assertTrue(notJson.getMessage().contains("is not JSON"), notJson.getMessage());
        AssertionFailedError differs = assertThrows(AssertionFailedError.class,
                () -> client.get("/a").assertJson("{\"method\":\"POST\"}"));
        assertTrue(differs.getMessage().contains("JSON body of GET /a"), differs.getMessage());
    }

    @Test
    void invalidJsonIsRefusedWithWhereItWentWrong() {
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> JsonTree.canonical("{} x"));
        assertEquals("not JSON: more after the JSON value at offset 3", trailing.getMessage());
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "\"\\x\"", "tru", "{\"a\":1,\"a\":2}", "\"\n\"")) {
            assertThrows(IllegalArgumentException.class, () -> JsonTree.canonical(bad), bad);
        }
    }

    @Test
    void aRequestNobodyAnswersFailsNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (HttpTestClient nobody = HttpTestClient.of(path -> URI.create("http://127.0.0.1:" + closedPort + path))) {
            UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> nobody.get("/x"));
            assertTrue(failure.getMessage().startsWith("GET http://127.0.0.1:" + closedPort + "/x failed"),
                    failure.getMessage());
        }
    }

    @Test
    void ofRefusesAnObjectWithoutUri() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> HttpTestClient.of("text"));
        assertTrue(refused.getMessage().contains("has no public method URI uri(String)"), refused.getMessage());
    }

    // ---- How the extension injects clients, run through the JUnit engine ----

    static final List<HttpTestClient> INJECTED = new CopyOnWriteArrayList<>();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @ExtendWith(ServerExtension.class)
    static class NoServer {
        @Test
        void wantsAClient(HttpTestClient client) {
        }
    }

    @ExtendWith(ServerExtension.class)
    static class TwoServers {
        @TestServer
        final JdkHttpServer one = new JdkHttpServer();
        @TestServer
        final JdkHttpServer two = new JdkHttpServer();

        @Test
        void wantsAClient(HttpTestClient client) {
        }
    }

    @ExtendWith(ServerExtension.class)
    static class ServerStartedByTheTest {
        JdkHttpServer started;

        @org.junit.jupiter.api.BeforeEach
        void start(TestServers servers) {
            started = servers.start(new JdkHttpServer());
        }

        @Test
        void getsAClientOfIt(HttpTestClient client) {
            INJECTED.add(client);
            client.get("/x").assertStatus(200);
            EVENTS.add(client.uri("/x").equals(started.uri("/x")) ? "same server" : "another server");
        }
    }

    /** A server as the extension sees one, recording its start and close. */
    public static final class RecordedServer implements AutoCloseable {
        private final String name;

        RecordedServer(String name) {
            this.name = name;
        }

        public void start() {
            EVENTS.add("start " + name);
        }

        @Override
        public void close() {
            EVENTS.add("close " + name);
        }
    }

    @ExtendWith(ServerExtension.class)
    static class StaticAndInstanceServers {
        @TestServer
        static final RecordedServer SHARED = new RecordedServer("shared");
        @TestServer
        final RecordedServer own = new RecordedServer("own");

        @Test
        void first() {
            EVENTS.add("test");
        }

        @Test
        void second() {
            EVENTS.add("test");
        }
    }

    private static Events run(Class<?> testClass) {
        INJECTED.clear();
        EVENTS.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void aClientWithoutAnHttpServerIsRefusedSayingWhy() {
        run(NoServer.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("needs exactly one started server") && m.contains("there is none")))));
        run(TwoServers.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("there are 2") && m.contains("HttpTestClient.of(server)")))));
    }

    @Test
    void aServerTheTestStartedServesTheClientAndTheClientIsClosedAfterTheTest() {
        run(ServerStartedByTheTest.class).assertStatistics(stats -> stats.succeeded(1));
        assertEquals(List.of("same server"), EVENTS);
        assertEquals(1, INJECTED.size());
        assertTrue(INJECTED.get(0).isClosed(), "the injected client is closed after the test");
    }

    @Test
    void staticServersStartOnceAndCloseAfterTheLastTestInstanceServersAroundEachTest() {
        run(StaticAndInstanceServers.class).assertStatistics(stats -> stats.succeeded(2));
        assertEquals(List.of("start shared", "start own", "test", "close own", "start own", "test", "close own",
                "close shared"), EVENTS);
    }
}
