package dev.weft.http.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.ClientRequests;
import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Method;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CORS over real sockets, as a browser's requests would arrive. */
class CorsFilterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String APP = "https://app.example";

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private HttpClient client;
    private HttpServer server;

    @BeforeEach
    void start() {
        client = servers.closeAfterwards(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        server = serve(CorsPolicy.builder().origins(APP).methods(Method.GET, Method.PUT).headers("Content-Type",
                "Authorization").exposedHeaders("X-Total").allowCredentials().maxAge(Duration.ofHours(1)).build());
    }

    private HttpServer serve(CorsPolicy policy) {
        Router router = Router.of(List.of(
                Route.get("/todos", request -> Response.ok("[]").withHeader("X-Total", "0")),
                Route.put("/todos", request -> Response.ok("put"))));
        return servers.start(new HttpServer(HttpServerConfig.loopback(0),
                HttpPipeline.builder(router).filter(new CorsFilter(policy)).build()));
    }

    private HttpResponse<String> send(HttpServer target, String method, String path, String... headers)
            throws Exception {
        return client.send(ClientRequests.to(target.uri(path), headers).method(method, BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void anAllowedPreflightIsAnsweredWithoutReachingTheRoutes() throws Exception {
        HttpResponse<String> response = send(server, "OPTIONS", "/todos", "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type, authorization");
        assertEquals(204, response.statusCode());
        assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
        assertEquals("GET, PUT", header(response, "Access-Control-Allow-Methods"));
        assertEquals("content-type, authorization", header(response, "Access-Control-Allow-Headers"));
        assertEquals("3600", header(response, "Access-Control-Max-Age"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertEquals("Origin, Access-Control-Request-Method, Access-Control-Request-Headers", header(response, "Vary"));
        assertEquals(null, header(response, "Allow"), "the router's own OPTIONS answer was not reached");
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherMethodOrHeaderIsRefused() throws Exception {
        HttpResponse<String> origin = send(server, "OPTIONS", "/todos", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET");
        assertEquals(403, origin.statusCode());
        assertEquals("CORS preflight refused: origin https://evil.example is not allowed\n", origin.body());
        assertEquals(null, header(origin, "Access-Control-Allow-Origin"));
        assertEquals(403, send(server, "OPTIONS", "/todos", "Origin", APP, "Access-Control-Request-Method", "DELETE")
                .statusCode());
        HttpResponse<String> header = send(server, "OPTIONS", "/todos", "Origin", APP,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "X-Secret");
        assertEquals("CORS preflight refused: header X-Secret is not allowed\n", header.body());
    }

    @Test
    void aRequestFromAnAllowedOriginCarriesTheCorsHeadersAndVary() throws Exception {
        HttpResponse<String> response = send(server, "GET", "/todos", "Origin", APP);
        assertEquals(200, response.statusCode());
        assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertEquals("X-Total", header(response, "Access-Control-Expose-Headers"));
        assertEquals("Origin", header(response, "Vary"));
    }

    @Test
    void errorsCarryTheCorsHeadersSoAScriptCanReadThem() throws Exception {
        HttpResponse<String> response = send(server, "GET", "/missing", "Origin", APP);
        assertEquals(404, response.statusCode());
        assertEquals(APP, header(response, "Access-Control-Allow-Origin"));
        assertEquals(405, send(server, "DELETE", "/todos", "Origin", APP).statusCode());
    }

    @Test
    void anotherOriginIsServedWithoutCorsHeadersAndRequestsWithoutOriginAreUntouchedButVary() throws Exception {
        HttpResponse<String> other = send(server, "GET", "/todos", "Origin", "https://evil.example");
        assertEquals(200, other.statusCode(), "not refused: non-browser clients send Origin too");
        assertEquals(null, header(other, "Access-Control-Allow-Origin"));
        assertEquals("Origin", header(other, "Vary"));
        HttpResponse<String> plain = send(server, "GET", "/todos");
        assertEquals(null, header(plain, "Access-Control-Allow-Origin"));
        assertEquals("Origin", header(plain, "Vary"), "a cache must not serve this copy to a cross-origin request");
    }

    @Test
    void anyOriginWithoutCredentialsAnswersWithTheWildcard() throws Exception {
        HttpServer open = serve(CorsPolicy.builder().origins(CorsPolicy.ANY).build());
        HttpResponse<String> response = send(open, "GET", "/todos", "Origin", "https://anyone.example");
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertFalse(response.headers().firstValue("Vary").isPresent(), "the answer does not depend on the origin");
    }

    @Test
    void policiesThatWouldBeUnsafeOrNeverMatchAreRefused() {
        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
                () -> CorsPolicy.builder().origins(CorsPolicy.ANY).allowCredentials().build());
        assertTrue(credentials.getMessage().startsWith("allowCredentials with any origin"), credentials.getMessage());
        IllegalArgumentException slash = assertThrows(IllegalArgumentException.class,
                () -> CorsPolicy.builder().origins("https://app.example/").build());
        assertTrue(slash.getMessage().contains("no path or trailing slash"), slash.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorsPolicy.builder().build());
    }
}
