package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router called as a plain function: no server needed. */
class RouterTest {

    private static Request request(Method method, String target) {
        int question = target.indexOf('?');
        return new Request(method, target, question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1), "HTTP/1.1", Headers.EMPTY, Map.of(),
                InputStream.nullInputStream(), new InetSocketAddress("127.0.0.1", 1));
    }

    private static String body(Response response) {
        return new String(((Response.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }

    private static HttpHandler echo(String name) {
        return request -> Response.ok(name + " " + request.pathParameters());
    }

    private final Router router = Router.of(List.of(
            Route.get("/", echo("root")),
            Route.get("/users", echo("list")),
            Route.get("/users/me", echo("me")),
            Route.get("/users/{id}", echo("user")),
            Route.delete("/users/{id}", echo("delete")),
            Route.get("/users/{id}/posts/{post}", echo("post")),
            Route.get("/files/*", echo("files")),
            Route.post("/files/upload", echo("upload"))));

    @Test
    void literalSegmentsWinOverParameters() throws Exception {
        assertEquals("me {}", body(router.handle(request(Method.GET, "/users/me"))));
        assertEquals("user {id=42}", body(router.handle(request(Method.GET, "/users/42"))));
        assertEquals("root {}", body(router.handle(request(Method.GET, "/"))));
    }

    @Test
    void parametersAreDecodedAndSeveralAreCollected() throws Exception {
        assertEquals("user {id=a b/c}", body(router.handle(request(Method.GET, "/users/a%20b%2Fc"))));
        Response response = router.handle(request(Method.GET, "/users/7/posts/9?x=1"));
        assertEquals("post {id=7, post=9}", body(response).replace("post=9, id=7", "id=7, post=9"));
    }

    @Test
    void wildcardTakesTheRestOfThePathAndBacktrackingFindsIt() throws Exception {
        assertEquals("files {*=a/b/c.txt}", body(router.handle(request(Method.GET, "/files/a/b/c.txt"))));
        assertEquals("files {*=}", body(router.handle(request(Method.GET, "/files"))));
        assertEquals("files {*=upload}", body(router.handle(request(Method.GET, "/files/upload"))));
    }

    private Status refusal(Method method, String target) {
        return assertThrows(HttpException.class, () -> router.handle(request(method, target))).status();
    }

    @Test
    void unknownPathIs404() {
        assertEquals(Status.NOT_FOUND_404, refusal(Method.GET, "/nope"));
        assertEquals(Status.NOT_FOUND_404, refusal(Method.GET, "/users/1/2"));
        assertEquals(Status.NOT_FOUND_404, refusal(Method.GET, "/users/"), "trailing slash is distinct");
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithAllow() {
        HttpException e = assertThrows(HttpException.class, () -> router.handle(request(Method.POST, "/users/1")));
        assertEquals(405, e.status().code());
        assertEquals("GET, HEAD, DELETE, OPTIONS", e.headers().first("Allow").orElseThrow());
    }

    @Test
    void theMatchedTemplateIsRecordedInTheRequestContext() throws Exception {
        Request request = request(Method.GET, "/users/7/posts/9");
        router.handle(request);
        assertEquals("/users/{id}/posts/{post}", request.context().route().orElseThrow());
        Request missing = request(Method.GET, "/nope");
        assertThrows(HttpException.class, () -> router.handle(missing));
        assertTrue(missing.context().route().isEmpty(), "no template for an unrouted request");
    }

    @Test
    void noRouteCanServeTheUnknownMethod() {
        assertThrows(IllegalArgumentException.class, () -> new Route(Method.UNKNOWN, "/x", echo("x")));
    }

    @Test
    void optionsIsAnsweredWithAllowWhenNotRouted() throws Exception {
        Response response = router.handle(request(Method.OPTIONS, "/users"));
        assertEquals(204, response.status().code());
        assertEquals("GET, HEAD, OPTIONS", response.headers().first("Allow").orElseThrow());
    }

    @Test
    void headFallsBackToTheGetRoute() throws Exception {
        assertEquals("list {}", body(router.handle(request(Method.HEAD, "/users"))));
    }

    @Test
    void malformedEscapeInAMatchedSegmentIs400() {
        assertEquals(Status.BAD_REQUEST_400, refusal(Method.GET, "/users/%zz"));
    }

    @Test
    void duplicateRouteFailsAtConstruction() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Router.of(List.of(
                Route.get("/x/{a}", echo("1")), Route.get("/x/{a}", echo("2")))));
        assertEquals("duplicate route GET /x/{a}", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Router.of(List.of(
                Route.get("/x/{a}", echo("1")), Route.post("/x/{b}", echo("2")))));
    }

    @Test
    void malformedTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Route.get("x", echo("")));
        assertThrows(IllegalArgumentException.class, () -> Route.get("/a/*/b", echo("")));
        assertThrows(IllegalArgumentException.class, () -> Route.get("/a/{}", echo("")));
        assertThrows(IllegalArgumentException.class, () -> Route.get("/a/{x}/{x}", echo("")));
    }

    @Test
    void asteriskOptionsListsEveryMethod() throws Exception {
        Response response = router.handle(request(Method.OPTIONS, "*"));
        assertEquals(204, response.status().code());
        assertEquals("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE",
                response.headers().first("Allow").orElseThrow());
    }
}
