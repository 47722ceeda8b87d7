package dev.weft.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JFR summary reads Weft's own events by name — from a synthetic recording of events
 * declared here with the names and fields {@code core} and {@code http} will use — and says
 * "none recorded" when a recording has none.
 */
class JfrSummaryTest {

    @TempDir
    Path dir;

    @Name(WeftJfrEvents.CONNECTION_OPENED)
    static final class Opened extends Event {
    }

    @Name(WeftJfrEvents.CONNECTION_CLOSED)
    static final class Closed extends Event {
    }

    @Name(WeftJfrEvents.REQUEST_SERVED)
    static final class Served extends Event {
        @Label("Method")
        String method;
        @Label("Route")
        String route;
        @Label("Status")
        int status;
    }

    @Test
    void summarisesWeftsConnectionAndRequestEventsByMethodRouteAndStatus() throws Exception {
        Path file = dir.resolve("weft.jfr");
        try (Recording recording = new Recording()) {
            WeftJfrEvents.NAMES.forEach(name -> recording.enable(name).withoutStackTrace());
            recording.start();
            for (int connection = 0; connection < 3; connection++) {
                Closed closed = new Closed();
                closed.begin();
                new Opened().commit();
                for (int i = 0; i < 4; i++) {
                    served("GET", "/hello", 200);
                }
                served("GET", "/missing", 404);
                closed.commit();
            }
            recording.stop();
            recording.dump(file);
        }
        String text = JfrSummary.summarize(file);
        assertTrue(text.contains(WeftJfrEvents.CONNECTION_OPENED + ": 3"), text);
        assertTrue(text.contains(WeftJfrEvents.CONNECTION_CLOSED + ": 3, lifetime p50"), text);
        assertTrue(text.matches("(?s).*GET /hello 200\\s+12\\s+p50 .*"), text);
        assertTrue(text.matches("(?s).*GET /missing 404\\s+3\\s+p50 .*"), text);
        assertTrue(Files.readString(dir.resolve("weft.txt")).equals(text), "written beside the recording");
    }

    private static void served(String method, String route, int status) {
        Served event = new Served();
        event.begin();
        event.method = method;
        event.route = route;
        event.status = status;
        event.commit();
    }

    @Test
    void saysNoneRecordedWhenTheRecordingHasNoWeftEvents() throws Exception {
        Path file = dir.resolve("other.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ThreadStart");
            recording.start();
            Thread.ofPlatform().start(() -> { }).join();
            recording.stop();
            recording.dump(file);
        }
        assertTrue(JfrSummary.summarize(file).contains("none recorded"), "no Weft events");
    }

    @Test
    void theRecordingOptionSwitchesWeftsEventsOn() {
        String option = WeftJfrEvents.startFlightRecording(dir.resolve("x.jfr"));
        for (String name : WeftJfrEvents.NAMES) {
            assertTrue(option.contains("+" + name + "#enabled=true"), option);
        }
        assertTrue(option.startsWith("-XX:StartFlightRecording=settings=profile,"), option);
    }
}
