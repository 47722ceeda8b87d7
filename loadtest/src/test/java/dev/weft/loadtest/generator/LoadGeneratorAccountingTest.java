package dev.weft.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The generator against local servers that misbehave in known ways: a stall of known length,
 * connections closed after a known number of answers, no answer at all, wrong answers, no
 * server.
 */
class LoadGeneratorAccountingTest {

    private static final Duration STALL = Duration.ofMillis(600);
    private static final int RATE = 500;

    private static LoadSpec echo(InetSocketAddress target, int connections, Duration measure) {
        return LoadSpec.closedLoop(target, new Protocol.Echo(64), connections, Duration.ZERO, measure);
    }

    private static long countAtLeast(LoadResult result, Duration latency) {
        long micros = latency.toNanos() / 1_000;
        return result.latencies().getCountBetweenValues(micros, result.latencies().getMaxValue());
    }

    @Test
    void openLoopChargesAStalledServerForEveryRequestItDelayed() throws Exception {
        // 500 requests/s on one connection; message 100 (about 0.2 s in) stalls 600 ms. About
        // 300 requests fall due during the stall; the first ~200 of them wait 200 ms or more. A
        // loaded machine can only delay more of them, never fewer, so the bound is from below;
        // from above, the requests answered before the stall were not charged for it.
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.StallOnce(100, STALL))) {
            LoadResult result = LoadGenerator.run(echo(server.address(), 1, Duration.ofMillis(1_500))
                    .withMode(new LoadMode.OpenLoop(RATE)));
            long delayed = countAtLeast(result, Duration.ofMillis(200));
            assertTrue(delayed >= 120, "requests charged >= 200 ms: " + delayed);
            assertTrue(delayed < result.responses(), delayed + " of " + result.responses() + " charged >= 200 ms");
            assertTrue(result.latencyMillis(99) >= 400, "p99 " + result.latencyMillis(99));
            assertTrue(result.maxLatencyMillis() >= STALL.toMillis(), "max " + result.maxLatencyMillis());
            assertEquals(0, result.errors() + result.timeouts());
        }
    }

    @Test
    void closedLoopSeesTheSameStallOnlyOnce() throws Exception {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.StallOnce(100, STALL))) {
            LoadResult result = LoadGenerator.run(echo(server.address(), 1, Duration.ofMillis(1_000)));
            assertTrue(countAtLeast(result, Duration.ofMillis(200)) <= 3,
                    "closed loop hides the stall in a single sample: " + countAtLeast(result, Duration.ofMillis(200)));
            assertTrue(result.maxLatencyMillis() >= STALL.toMillis(), "max " + result.maxLatencyMillis());
            assertTrue(result.responses() > 100, "responses " + result.responses());
        }
    }

    @Test
    void everyConnectionClosedByTheServerCountsAsOneError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.CloseAfter(10))) {
            LoadResult result = LoadGenerator.run(echo(server.address(), 1, Duration.ofMillis(500)));
            assertTrue(result.responses() >= 20, "responses " + result.responses());
            // each connection answers 10 round trips, then its 11th fails and the client reconnects
            assertTrue(Math.abs(result.errors() - result.responses() / 10) <= 1,
                    result.errors() + " errors for " + result.responses() + " responses");
            assertEquals(0, result.timeouts());
        }
    }

    @Test
    void aServerThatNeverAnswersProducesTimeoutsNotResponses() throws Exception {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.NeverAnswer())) {
            LoadResult result = LoadGenerator.run(echo(server.address(), 2, Duration.ofMillis(1_000))
                    .withRequestTimeout(Duration.ofMillis(200)));
            assertEquals(0, result.responses());
            assertEquals(0, result.errors());
            assertTrue(result.timeouts() >= 6 && result.timeouts() <= 12, "timeouts " + result.timeouts());
        }
    }

    @Test
    void wrongAnswersAreErrors() throws Exception {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.Http500())) {
            LoadResult result = LoadGenerator.run(LoadSpec.closedLoop(server.address(), new Protocol.Http(1), 1,
                    Duration.ZERO, Duration.ofMillis(300)));
            assertEquals(0, result.responses());
            assertTrue(result.errors() > 10, "errors " + result.errors());
        }
    }

    @Test
    void aServerThatIsNotThereIsCountedAsConnectErrors() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.getLocalPort());
        }
        LoadResult result = LoadGenerator.run(echo(nobody, 2, Duration.ofMillis(200)));
        assertEquals(0, result.responses());
        assertTrue(result.errors() >= 2, "errors " + result.errors());
    }

    @Test
    void connectionChurnOpensOneConnectionPerRoundTrip() throws Exception {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.CloseAfter(1))) {
            // the server closes after one answer: with a new connection per round trip that is no error
            LoadResult result = LoadGenerator.run(echo(server.address(), 2, Duration.ofMillis(300))
                    .withReuse(ConnectionReuse.NEW_PER_ROUND_TRIP));
            assertTrue(result.responses() > 10, "responses " + result.responses());
            assertEquals(0, result.errors() + result.timeouts());
        }
    }

    @Test
    void idleHolderHoldsAndChecksItsConnections() throws IOException, InterruptedException {
        try (ScriptedServer server = new ScriptedServer(new ScriptedServer.Behaviour.StallOnce(Integer.MAX_VALUE, Duration.ZERO));
             IdleHolder holder = IdleHolder.open(server.address(), InetAddress.getByName("127.0.0.3"),
                     new Protocol.Echo(64), 50, Duration.ofSeconds(5))) {
            assertEquals(50, holder.held());
            assertEquals(0, holder.failed());
            assertEquals(50, holder.check());
        }
    }
}
