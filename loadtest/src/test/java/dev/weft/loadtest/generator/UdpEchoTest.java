package dev.weft.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdpEchoTest {

    private static UdpEcho.Spec spec(InetSocketAddress server) {
        return new UdpEcho.Spec(server, 4, 64, 4, Duration.ofMillis(100), Duration.ofMillis(600));
    }

    @Test
    void everyEchoIsCountedAndTimedAndNothingIsLostOnLoopback() throws Exception {
        try (ScriptedUdpEcho server = new ScriptedUdpEcho(Integer.MAX_VALUE, Integer.MAX_VALUE)) {
            LoadResult result = UdpEcho.run(spec(server.address()), MeasurementListener.NONE);
            assertTrue(result.responses() >= 40, "echoes " + result.responses());
            assertEquals(0, result.errors(), "nothing is lost on loopback at this pace");
            assertEquals(result.responses(), result.latencies().getTotalCount(), "every echo is timed");
            assertTrue(result.latencyMillis(50) > 0 && result.latencyMillis(50) < 100, "p50 " + result.latencyMillis(50));
        }
    }

    @Test
    void datagramsTheServerDropsAreCountedAsLost() throws Exception {
        try (ScriptedUdpEcho server = new ScriptedUdpEcho(10, Integer.MAX_VALUE)) {
            LoadResult result = UdpEcho.run(spec(server.address()), MeasurementListener.NONE);
            double lostShare = result.errors() / (double) (result.errors() + result.responses());
            assertTrue(result.responses() > 0 && lostShare > 0.06 && lostShare < 0.14,
                    "lost " + result.errors() + " of " + (result.errors() + result.responses()));
        }
    }

    @Test
    void anEchoThatDiffersFromWhatWasSentIsAnErrorNotAResponse() throws Exception {
        try (ScriptedUdpEcho server = new ScriptedUdpEcho(Integer.MAX_VALUE, 5)) {
            LoadResult result = UdpEcho.run(spec(server.address()), MeasurementListener.NONE);
            double wrongShare = result.errors() / (double) (result.errors() + result.responses());
            assertTrue(result.responses() > 0 && wrongShare > 0.15 && wrongShare < 0.25,
                    "wrong " + result.errors() + " of " + (result.errors() + result.responses()));
        }
    }

    @Test
    void aSpecWithoutRoomForTheSequenceAndTimeIsRejectedWithTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UdpEcho.Spec(
                new InetSocketAddress("127.0.0.1", 9), 1, 8, 1, Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("16") && e.getMessage().contains("8"), e.getMessage());
    }
}
