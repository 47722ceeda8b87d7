package dev.weft.http;

import static dev.weft.http.TestRequests.body;
import static dev.weft.http.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.examples.TinyJsonCodec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline called as a plain function: filters, error model, refusals, completion. */
class HttpPipelineTest {

    private static final Router ROUTER = Router.of(List.of(
            Route.get("/a", request -> Response.ok("a")),
            Route.get("/conflict", request -> {
                throw new HttpException(Status.CONFLICT_409, "taken");
            }),
            Route.get("/bug", request -> {
                throw new IllegalStateException("internal detail");
            }),
            Route.get("/argument", request -> {
                throw new IllegalArgumentException("bad argument");
            }),
            Route.get("/io", request -> {
                throw new FileNotFoundException("secret.txt");
            })));

    @Test
    void filtersRunInOrderAroundEveryResponseIncluding404() {
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
        HttpPipeline pipeline = HttpPipeline.builder(ROUTER).filter(outer).filter(before).filter(after).build();
        assertEquals("r1", pipeline.handle(request(Method.GET, "/a")).headers().first("X-Request-Id").orElseThrow());
        pipeline.handle(request(Method.GET, "/missing"));
        assertEquals(List.of("outer-before", "before", "after 200", "outer-after 200",
                "outer-before", "before", "after 404", "outer-after 404"), calls);
    }

    @Test
    void orderedFiltersRunLowestOrderOutermostWhateverTheSetOrder() {
        List<String> calls = new ArrayList<>();
        Set<OrderedFilter> filters = Set.of(
                new OrderedFilter(300, Filter.before(request -> record(calls, "300", request))),
                new OrderedFilter(100, Filter.before(request -> record(calls, "100", request))),
                new OrderedFilter(200, Filter.before(request -> record(calls, "200", request))));
        HttpPipeline.builder(ROUTER).filters(filters).build().handle(request(Method.GET, "/a"));
        assertEquals(List.of("100", "200", "300"), calls);
    }

    private static Request record(List<String> calls, String name, Request request) {
        calls.add(name);
        return request;
    }

    @Test
    void twoFiltersWithOneOrderAreRefusedWhenThePipelineIsBuilt() {
        Filter any = (request, next) -> next.handle(request);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpPipeline.builder(ROUTER)
                .filters(Set.of(new OrderedFilter(100, any), new OrderedFilter(100, (request, next) -> next.handle(request))))
                .build());
        assertTrue(e.getMessage().startsWith("two filters with order 100"), e.getMessage());
    }

    @Test
    void aFilterCanAnswerWithoutCallingTheHandler() {
        Filter deny = (request, next) -> Response.text(Status.FORBIDDEN_403, "no");
        assertEquals(403, HttpPipeline.builder(ROUTER).filter(deny).build().handle(request(Method.GET, "/a"))
                .status().code());
    }

    @Test
    void failuresBecomeResponsesSoAfterFiltersSeeThemWithoutInternals() {
        List<Integer> seen = new ArrayList<>();
        HttpPipeline pipeline = HttpPipeline.builder(ROUTER).filter(Filter.after((request, response) -> {
            seen.add(response.status().code());
            return response;
        })).build();
        assertEquals("taken\n", body(pipeline.handle(request(Method.GET, "/conflict"))));
        assertEquals("Internal Server Error\n", body(pipeline.handle(request(Method.GET, "/bug"))));
        assertEquals("Internal Server Error\n", body(pipeline.handle(request(Method.GET, "/io"))),
                "a handler's own I/O failure is a 500 and says nothing of the file");
        assertEquals(List.of(409, 500, 500), seen);
    }

    @Test
    void whatAFilterThrowsIsMappedAndTheFiltersOutsideItSeeTheResponse() {
        List<Integer> seen = new ArrayList<>();
        Filter outer = Filter.after((request, response) -> {
            seen.add(response.status().code());
            return response;
        });
        Filter failing = (request, next) -> {
            throw new HttpException(Status.UNAUTHORIZED_401, "sign in first");
        };
        Response response = HttpPipeline.builder(ROUTER).filter(outer).filter(failing).build()
                .handle(request(Method.GET, "/a"));
        assertEquals(401, response.status().code());
        assertEquals(List.of(401), seen);
    }

    @Test
    void theMostSpecificMapperAnswersAndTheServersOwnAnswersKeepTheirPlace() {
        HttpPipeline pipeline = HttpPipeline.builder(ROUTER)
                .exception(RuntimeException.class, (e, request) -> Response.text(Status.SERVICE_UNAVAILABLE_503, "runtime"))
                .exception(IllegalArgumentException.class, (e, request) -> Response.text(Status.BAD_REQUEST_400,
                        "argument: " + e.getMessage()))
                .build();
        assertEquals("argument: bad argument\n".trim(), body(pipeline.handle(request(Method.GET, "/argument"))));
        assertEquals("runtime", body(pipeline.handle(request(Method.GET, "/bug"))));
        assertEquals(409, pipeline.handle(request(Method.GET, "/conflict")).status().code(),
                "HttpException is more specific than RuntimeException: its status stands");
        assertEquals(404, pipeline.handle(request(Method.GET, "/missing")).status().code());
        assertEquals(500, pipeline.handle(request(Method.GET, "/io")).status().code(), "no mapper for IOException");
    }

    @Test
    void anApplicationMappingOfHttpExceptionCoversTheRoutersOwn404() {
        HttpPipeline pipeline = HttpPipeline.builder(ROUTER)
                .exception(HttpException.class, (e, request) -> Response.text(e.status(), "custom " + e.status().code()))
                .build();
        assertEquals("custom 404", body(pipeline.handle(request(Method.GET, "/missing"))));
    }

    @Test
    void aMapperThatFailsOrReturnsNothingGivesAGeneric500() {
        HttpPipeline failing = HttpPipeline.builder(ROUTER)
                .exception(IllegalStateException.class, (e, request) -> {
                    throw new IllegalArgumentException("mapper bug");
                })
                .exception(IllegalArgumentException.class, (e, request) -> null)
                .build();
        assertEquals("Internal Server Error\n", body(failing.handle(request(Method.GET, "/bug"))));
        assertEquals("Internal Server Error\n", body(failing.handle(request(Method.GET, "/argument"))));
    }

    @Test
    void twoMappingsOfOneTypeAreRefusedWhenThePipelineIsBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HttpPipeline.builder(ROUTER)
                .exception(IOException.class, (x, request) -> Response.ok("1"))
                .exception(IOException.class, (x, request) -> Response.ok("2")).build());
        assertEquals("two exception mappings for java.io.IOException", e.getMessage());
    }

    @Test
    void aClientThatAcceptsJsonGetsProblemDetailsAndOthersGetText() {
        HttpPipeline pipeline = HttpPipeline.of(ROUTER);
        Response json = pipeline.handle(request(Method.POST, "/a", Headers.of("Accept", "application/json"), ""));
        assertEquals(405, json.status().code());
        assertEquals("application/problem+json", json.headers().first("Content-Type").orElseThrow());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                + "\"detail\":\"Method Not Allowed\"}", body(json));
        assertEquals("GET, HEAD, OPTIONS", json.headers().first("Allow").orElseThrow(), "the exception's headers stay");
        Response browser = pipeline.handle(request(Method.GET, "/missing",
                Headers.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), ""));
        assertEquals(Response.TEXT_PLAIN_UTF8, browser.headers().first("Content-Type").orElseThrow());
        Response textFirst = pipeline.handle(request(Method.GET, "/bug",
                Headers.of("Accept", "text/plain, application/json;q=0.5"), ""));
        assertEquals("Internal Server Error\n", body(textFirst));
        Response jsonBug = pipeline.handle(request(Method.GET, "/bug", Headers.of("Accept", "application/*+json"), ""));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                + "\"detail\":\"Internal Server Error\"}", body(jsonBug));
    }

    @Test
    void aRefusedRequestPassesEveryFilterAndIsAnsweredWithItsRefusal() {
        List<String> seen = new ArrayList<>();
        Filter observer = (request, next) -> {
            Response response = next.handle(request);
            seen.add(request.context().refusal().map(e -> "refused " + e.status().code()).orElse("routed")
                    + " -> " + response.status().code());
            return response;
        };
        HttpPipeline pipeline = HttpPipeline.builder(ROUTER).filter(observer).build();
        Request refused = request(Method.GET, "/a");
        Response response = pipeline.refuse(refused, new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                "more than 100 header fields"));
        assertEquals(431, response.status().code(), "the route of the salvaged target is not run");
        assertEquals("more than 100 header fields\n", body(response));
        assertEquals(List.of("refused 431 -> 431"), seen);
    }

    @Test
    void completionRunsEveryListenerOnceEvenWhenOneFails() {
        Request request = request(Method.GET, "/a");
        List<String> heard = new ArrayList<>();
        request.context().whenSent((response, bytes, complete) -> {
            throw new IllegalStateException("listener bug");
        });
        request.context().whenSent((response, bytes, complete) -> heard.add(response.status().code() + " " + bytes
                + " " + complete));
        HttpPipeline pipeline = HttpPipeline.of(ROUTER);
        Response response = pipeline.handle(request);
        pipeline.completed(request, response, 1, true);
        pipeline.completed(request, response, 1, true);
        assertEquals(List.of("200 1 true"), heard);
    }

    @Test
    void theConfiguredJsonCodecEncodesResponsesAndDecodesBodies() {
        record Todo(String title, boolean done) {
        }
        HttpPipeline pipeline = HttpPipeline.builder(Router.of(List.of(
                Route.post("/todos", request -> Response.json(Status.CREATED_201, request.body(Todo.class))))))
                .json(new TinyJsonCodec()).build();
        Response created = pipeline.handle(request(Method.POST, "/todos",
                Headers.of("Content-Type", "application/json; charset=utf-8"), "{\"title\":\"milk\",\"done\":false}"));
        assertEquals(201, created.status().code());
        assertEquals("{\"title\":\"milk\",\"done\":false}", body(created));
        Response notJson = pipeline.handle(request(Method.POST, "/todos", Headers.of("Content-Type", "text/plain"), "x"));
        assertEquals(415, notJson.status().code());
        assertEquals("expected application/json, not text/plain\n", body(notJson));
        Response malformed = pipeline.handle(request(Method.POST, "/todos",
                Headers.of("Content-Type", "application/json"), "{\"title\":"));
        assertEquals(400, malformed.status().code());
        assertEquals("malformed JSON: unexpected end of input\n", body(malformed));
    }

    @Test
    void withoutAJsonCodecAJsonResponseIsA500AndTheLogNamesTheModuleToAdd() {
        HttpPipeline pipeline = HttpPipeline.of(Router.of(List.of(Route.get("/j", request -> Response.json(Map.of())))));
        Response response = pipeline.handle(request(Method.GET, "/j"));
        assertEquals(500, response.status().code());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Response.json(Map.of()));
        assertTrue(e.getMessage().contains("dev.weft:weft-jackson"), e.getMessage());
        assertFalse(body(response).contains("jackson"), "the client learns nothing of it");
    }
}
