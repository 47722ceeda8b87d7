package dev.weft.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdpFanOutTest {

    private static UdpFanOut.Spec spec(ScriptedRelay relay) {
        return new UdpFanOut.Spec(relay.address(), 4, 32, 8, Duration.ofMillis(100), Duration.ofMillis(400));
    }

    @Test
    void everyMessageReachesEveryReceiverAndIsTimed() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(Integer.MAX_VALUE)) {
            LoadResult result = UdpFanOut.run(spec(relay), MeasurementListener.NONE);
            assertTrue(result.responses() >= 40, "deliveries " + result.responses());
            assertEquals(0, result.errors(), "nothing is lost on loopback at this pace");
            assertEquals(result.responses(), result.latencies().getTotalCount(), "every delivery is timed");
            assertTrue(result.latencyMillis(50) > 0 && result.latencyMillis(50) < 100, "p50 " + result.latencyMillis(50));
        }
    }

    @Test
    void deliveriesTheRelayDropsAreCountedAsLost() throws Exception {
        try (ScriptedRelay relay = new ScriptedRelay(10)) {
            LoadResult result = UdpFanOut.run(spec(relay), MeasurementListener.NONE);
            double lostShare = result.errors() / (double) (result.errors() + result.responses());
            assertTrue(lostShare > 0.07 && lostShare < 0.13, "lost " + result.errors() + " of "
                    + (result.errors() + result.responses()));
        }
    }
}
