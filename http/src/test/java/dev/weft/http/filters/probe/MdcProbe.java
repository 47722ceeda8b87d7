package dev.weft.http.filters.probe;

import dev.weft.http.HttpPipeline;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.filters.RequestIdFilter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.MDC;

/**
 * Run by {@code RequestIdFilterTest} in a JVM whose only SLF4J provider is {@link MdcProvider}:
 * serves one request whose handler answers with the MDC's request id, and prints it beside the
 * response's {@code X-Request-Id}.
 */
public final class MdcProbe {

    private MdcProbe() {
    }

    /** Serves and prints {@code mdc=<id> header=<id>}. */
    public static void main(String[] args) throws Exception {
        Router router = Router.of(List.of(Route.get("/", request -> Response.ok(String.valueOf(MDC.get("requestId"))))));
        try (HttpServer server = new HttpServer(HttpServerConfig.loopback(0),
                HttpPipeline.builder(router).filter(new RequestIdFilter()).build()).start();
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("mdc=" + response.body() + " header="
                    + response.headers().firstValue("X-Request-Id").orElse("none"));
        }
    }
}
