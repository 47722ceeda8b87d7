package dev.weft.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoakSettingsTest {

    private static final String[] REQUIRED = {"--pid", "42", "--echo-port", "1", "--chat-port", "2", "--udp-port", "3",
            "--out", "soak/results/x"};

    @Test
    void defaultsAreTenMinutesSampledEveryTenSecondsWithTwoMinutesOfWarmUp() throws Exception {
        SoakSettings settings = SoakSettings.parse(REQUIRED);
        assertEquals(Duration.ofMinutes(10), settings.duration());
        assertEquals(Duration.ofMinutes(2), settings.warmUp());
        assertEquals(Duration.ofSeconds(10), settings.interval());
        assertEquals(Optional.empty(), settings.httpPort());
    }

    @Test
    void aShortRunWarmsUpForAFifthOfIt() throws Exception {
        String[] args = concat(REQUIRED, "--minutes", "3");
        assertEquals(Duration.ofSeconds(36), SoakSettings.parse(args).warmUp());
    }

    @Test
    void aServerOffLoopbackIsRefused() {
        String[] args = concat(REQUIRED, "--host", "192.0.2.1");
        assertThrows(IllegalArgumentException.class, () -> SoakSettings.parse(args));
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SoakSettings.parse(concat(REQUIRED, "--rate", "9")));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
