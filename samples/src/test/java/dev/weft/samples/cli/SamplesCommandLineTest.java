package dev.weft.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesCommandLineTest {

    private static final Option<Integer> PORT = Option.port("port", 7007, "port");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<Duration> IDLE = Option.seconds("idle", Duration.ofSeconds(5), "idle");
    private static final Option<Boolean> VERBOSE = Option.flag("verbose", "talk more");

    @Test
    void optionsParseInBothFormsAndDefaultsFillTheRest() throws UsageException {
        CommandLine line = CommandLine.parse(List.of(PORT, HOST, IDLE, VERBOSE),
                new String[] {"--port", "8080", "--idle=30", "--verbose", "extra"});
        assertEquals(8080, line.get(PORT));
        assertEquals("0.0.0.0", line.get(HOST));
        assertEquals(Duration.ofSeconds(30), line.get(IDLE));
        assertTrue(line.get(VERBOSE));
        assertEquals(List.of("extra"), line.positional());
    }

    @Test
    void badArgumentsAreUsageErrorsThatSayWhy() {
        assertEquals("unknown option --prot", assertThrows(UsageException.class,
                () -> CommandLine.parse(List.of(PORT), new String[] {"--prot", "1"})).getMessage());
        assertEquals("--port: a port is 0..65535, not 70000", assertThrows(UsageException.class,
                () -> CommandLine.parse(List.of(PORT), new String[] {"--port", "70000"})).getMessage());
        assertEquals("--port: not a whole number: x", assertThrows(UsageException.class,
                () -> CommandLine.parse(List.of(PORT), new String[] {"--port", "x"})).getMessage());
        assertEquals("--port needs a value N", assertThrows(UsageException.class,
                () -> CommandLine.parse(List.of(PORT), new String[] {"--port"})).getMessage());
    }

    @Test
    void exitCodesAreTwoForBadArgumentsZeroForHelpAndOneForAPortInUse() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            System.setOut(new PrintStream(printed, true));
            System.setErr(new PrintStream(printed, true));
            assertEquals(2, Samples.run(new String[0]));
            assertEquals(2, Samples.run(new String[] {"nonesuch"}));
            assertEquals(2, Samples.run(new String[] {"echo", "--port", "-1"}));
            assertEquals(0, Samples.run(new String[] {"echo", "--help"}));
            assertEquals(0, Samples.run(new String[] {"chat", "--help"}));
            assertEquals(1, Samples.run(new String[] {"echo", "--host", "127.0.0.1",
                    "--port", String.valueOf(taken.getLocalPort())}));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = printed.toString();
        assertTrue(text.contains("usage: java -jar weft-samples.jar echo [options]"), text);
        assertTrue(text.contains("unknown sample: nonesuch"), text);
    }
}
