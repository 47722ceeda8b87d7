package dev.weft.http.internal.h2;

import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The routes the HTTP/2 tests serve, as the {@code http} sample does, plus a few for the tests. */
final class TestRoutes {

    /** A 1 MiB body of fixed pseudo-random bytes. */
    static final byte[] MEBIBYTE = new byte[1 << 20];

    static {
        new Random(42).nextBytes(MEBIBYTE);
    }

    /** Released by a test to let {@code /slow} answer. */
    final CountDownLatch release = new CountDownLatch(1);
    /** Counted down each time {@code /slow} starts. */
    final CountDownLatch slowStarted;

    TestRoutes(int slowRequests) {
        this.slowStarted = new CountDownLatch(slowRequests);
    }

    Router router() {
        return Router.of(List.of(
                Route.get("/hello", request -> Response.bytes(Status.OK_200, "text/plain",
                        "Hello, World!".getBytes(StandardCharsets.US_ASCII))),
                Route.post("/echo", request -> Response.bytes(Status.OK_200,
                        request.header("Content-Type").orElse("application/octet-stream"), request.bodyBytes())),
                Route.get("/big", request -> Response.bytes(Status.OK_200, "application/octet-stream", MEBIBYTE)),
                Route.get("/stream", request -> Response.stream(Status.OK_200, "application/octet-stream",
                        out -> {
                            for (int i = 0; i < 16; i++) {
                                out.write(MEBIBYTE, i * 65_536, 65_536);
                            }
                        })),
                Route.get("/slow", request -> {
                    slowStarted.countDown();
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released /slow");
                    }
                    return Response.ok("slow done");
                })));
    }
}
