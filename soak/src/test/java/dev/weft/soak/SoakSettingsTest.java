package dev.weft.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class SoakSettingsTest {

    private static final String[] REQUIRED = {"--pid", "42", "--echo-port", "1", "--chat-port", "2", "--udp-port", "3",
            "--out", "soak/results/x"};

    /** What one run of the driver's command line printed, and its exit status. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SoakMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    private static void assertUsageError(String message, String... args) {
        Outcome outcome = run(args);
        assertEquals(2, outcome.status(), outcome.toString());
        assertTrue(outcome.err().startsWith("soak: "), outcome.err());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertTrue(outcome.err().contains("Usage: java -jar weft-soak.jar"), outcome.err());
    }

    @Test
    void defaultsAreTenMinutesSampledEveryTenSecondsWithTwoMinutesOfWarmUp() {
        SoakSettings settings = SoakMain.parse(REQUIRED);
        assertEquals(Duration.ofMinutes(10), settings.duration());
        assertEquals(Duration.ofMinutes(2), settings.warmUp());
        assertEquals(Duration.ofSeconds(10), settings.interval());
        assertEquals(Optional.empty(), settings.httpPort());
        assertTrue(settings.host().isLoopbackAddress());
    }

    @Test
    void aShortRunWarmsUpForAFifthOfIt() {
        String[] args = concat(REQUIRED, "--minutes", "3");
        assertEquals(Duration.ofSeconds(36), SoakMain.parse(args).warmUp());
    }

    @Test
    void aServerOffLoopbackIsRefused() {
        String[] args = concat(REQUIRED, "--host", "192.0.2.1");
        assertTrue(assertThrows(ParameterException.class, () -> SoakMain.parse(args)).getMessage()
                .contains("not a loopback address"));
        assertUsageError("soak traffic stays on loopback", args);
    }

    @Test
    void unknownOptionsExtraArgumentsAndBadValuesAreUsageErrors() {
        assertUsageError("Unknown options: '--rate', '9'", concat(REQUIRED, "--rate", "9"));
        assertUsageError("Unmatched argument at index 10: 'extra'", concat(REQUIRED, "extra"));
        assertUsageError("Invalid value for option '--workers': 'many' is not an int", concat(REQUIRED, "--workers", "many"));
        assertUsageError("--workers must be > 0: 0", concat(REQUIRED, "--workers", "0"));
        assertUsageError("a port is 1..65535, not 70000", concat(REQUIRED, "--http-port", "70000"));
        assertUsageError("Missing required option: '--out=DIR'", "--pid", "42", "--echo-port", "1", "--chat-port", "2",
                "--udp-port", "3");
    }

    @Test
    void helpAndVersionExitZero() {
        Outcome help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--interval-seconds=N"), help.out());
        Outcome version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("Weft soak driver "), version.out());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
