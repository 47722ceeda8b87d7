package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.http.Http2Config;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.http.Status;
import java.time.Duration;
import java.util.List;

/**
 * Fuzzes the whole engine: the preface, then any bytes, split into reads of any size, with real
 * handlers on their stream threads. Whatever the client sends, {@link Http2Connection#run}
 * returns once the input ends — no exception escapes, no stream thread is left behind, no slot
 * stays taken. Seeds: {@code src/test/resources/dev/weft/http/internal/h2/Http2ConnectionFuzzTestInputs}.
 */
class Http2ConnectionFuzzTest {

    private static final Router ROUTER = Router.of(List.of(
            Route.get("/", request -> Response.ok("root")),
            Route.post("/", request -> Response.bytes(Status.OK_200, "application/octet-stream", request.bodyBytes()))));
    private static final Http2Config CONFIG = Http2Config.builder().maxConcurrentStreams(8)
            .streamWriteTimeout(Duration.ofMillis(200)).build();
    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withBodyReadTimeout(Duration.ofMillis(200));

    @FuzzTest
    void anyBytesAfterThePrefaceEndTheConnectionCleanly(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int bytesPerRead = 1 + (input[0] & 0x3f);
        byte[] stream = new byte[Preface.LENGTH + input.length - 1];
        System.arraycopy(Preface.bytes(), 0, stream, 0, Preface.LENGTH);
        System.arraycopy(input, 1, stream, Preface.LENGTH, input.length - 1);
        Http2Connection connection = new Http2Connection(new SinkWire(stream, bytesPerRead), CONFIG, LIMITS, HttpPipeline.of(ROUTER),
                "Weft", new H2Counters(), "fuzz");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> connection.run(new byte[0]));
        assertEquals(0, connection.activeStreams(), "every stream closed once the connection ended");
    }

    /** Reads the input in chunks, then EOF; swallows what the server writes. */
    private static final class SinkWire extends ArrayWire {

        SinkWire(byte[] bytes, int chunk) {
            super(bytes, chunk);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            // The server's answers are checked by the protocol tests, not here.
        }
    }
}
