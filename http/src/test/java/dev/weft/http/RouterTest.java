package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, router.handle(request(Method.GET, "/nope")).status().code());
        assertEquals(404, router.handle(request(Method.GET, "/users/1/2")).status().code());
        assertEquals(404, router.handle(request(Method.GET, "/users/")).status().code(), "trailing slash is distinct");
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithAllow() throws Exception {
        Response response = router.handle(request(Method.POST, "/users/1"));
        assertEquals(405, response.status().code());
        assertEquals("GET, HEAD, DELETE, OPTIONS", response.headers().first("Allow").orElseThrow());
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
    void malformedEscapeInAMatchedSegmentIs400() throws Exception {
        assertEquals(400, router.handle(request(Method.GET, "/users/%zz")).status().code());
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
    void filtersRunInOrderAroundEveryRequestIncluding404() throws Exception {
        List<String> calls = new ArrayList<>();
        Filter outer = (request, next) -> {
            calls.add("outer-before");
            Response response = next.handle(request);
            calls.add("outer-after " + response.status().code());
            return response.withHeader("X-Request-Id", "r1");
        };
        Filter before = Filter.before(request -> {
            calls.add("before");
            return request;
        });
        Filter after = Filter.after((request, response) -> {
            calls.add("after " + response.status().code());
            return response;
        });
        Router filtered = Router.of(List.of(Route.get("/a", echo("a"))), List.of(outer, before, after));
        Response found = filtered.handle(request(Method.GET, "/a"));
        assertEquals("r1", found.headers().first("X-Request-Id").orElseThrow());
        filtered.handle(request(Method.GET, "/missing"));
        assertEquals(List.of("outer-before", "before", "after 200", "outer-after 200",
                "outer-before", "before", "after 404", "outer-after 404"), calls);
    }

    @Test
    void filterCanAnswerWithoutCallingTheHandler() throws Exception {
        Filter deny = (request, next) -> Response.text(Status.FORBIDDEN_403, "no");
        Router guarded = Router.of(List.of(Route.get("/a", echo("a"))), List.of(deny));
        assertEquals(403, guarded.handle(request(Method.GET, "/a")).status().code());
    }

    @Test
    void handlerExceptionsBecomeResponsesSoAfterFiltersSeeThem() throws Exception {
        List<Integer> seen = new ArrayList<>();
        Router failing = new Router(Set.of(
                Route.get("/bad", request -> {
                    throw new HttpException(Status.CONFLICT_409, "taken");
                }),
                Route.get("/bug", request -> {
                    throw new IllegalArgumentException("internal detail");
                })),
                Set.of(Filter.after((request, response) -> {
                    seen.add(response.status().code());
                    return response;
                })));
        assertEquals("taken\n", body(failing.handle(request(Method.GET, "/bad"))));
        assertEquals("Internal Server Error\n", body(failing.handle(request(Method.GET, "/bug"))));
        assertEquals(List.of(409, 500), seen);
    }

    @Test
    void asteriskOptionsListsEveryMethod() throws Exception {
        Response response = router.handle(request(Method.OPTIONS, "*"));
        assertEquals(204, response.status().code());
        assertEquals("GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE",
                response.headers().first("Allow").orElseThrow());
    }
}
