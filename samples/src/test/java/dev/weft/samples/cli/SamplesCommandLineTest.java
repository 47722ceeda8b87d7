package dev.weft.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

class SamplesCommandLineTest {

    /** What one run of the samples' command line printed, and its exit status. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SampleLauncher.run(Samples.class, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, out.toString(), err.toString());
    }

    private static void assertUsageError(Outcome outcome, String message, String usage) {
        assertEquals(SampleLauncher.EXIT_USAGE, outcome.status(), outcome.toString());
        assertTrue(outcome.err().contains(message), outcome.err());
        assertTrue(outcome.err().contains(usage), outcome.err());
        assertEquals("", outcome.out(), "errors go to standard error only");
    }

    @Test
    void anUnknownShortOptionIsAnErrorInsteadOfStartingOnTheDefaultPort() {
        Outcome outcome = run("http", "-p", "8090");
        assertUsageError(outcome, "Unknown options: '-p', '8090'", "Usage: java -jar weft-samples.jar http [-hV]");
        assertTrue(outcome.err().contains("Possible solutions: --port"), outcome.err());
    }

    @Test
    void anExtraArgumentIsAnErrorInsteadOfBeingIgnored() {
        assertUsageError(run("echo", "--port", "7007", "extra"), "Unmatched argument at index 3: 'extra'",
                "Usage: java -jar weft-samples.jar echo");
    }

    @Test
    void aBadValueIsAnErrorThatSaysWhy() {
        assertUsageError(run("echo", "--port", "abc"), "Invalid value for option '--port': not a whole number: abc",
                "--port=N");
        assertUsageError(run("echo", "--port", "70000"), "a port is 0..65535, not 70000", "--port=N");
        assertUsageError(run("echo", "--port", "-1"), "a port is 0..65535, not -1", "--port=N");
        assertUsageError(run("echo", "--host", ""), "the host must not be empty", "--host=ADDRESS");
        assertUsageError(run("chat", "--max-line", "0"), "must be > 0, not 0", "--max-line=BYTES");
    }

    @Test
    void aMissingValueOrRequiredOptionIsAnError() {
        assertUsageError(run("echo", "--port"), "Missing required parameter for option '--port' (N)", "--port=N");
        assertUsageError(run("proxy", "--port", "0"), "Missing required option: '--backend=HOST:PORT'",
                "Usage: java -jar weft-samples.jar proxy");
        assertUsageError(run("files-client", "fetch"), "expected list [DIR], get NAME DEST or put SRC NAME, not fetch",
                "Usage: java -jar weft-samples.jar files-client");
    }

    @Test
    void anOptionGivenTwiceIsAnErrorUnlessItIsRepeatable() {
        assertUsageError(run("echo", "--port", "1", "--port", "2"), "should be specified only once", "--port=N");
    }

    @Test
    void noSampleOrAnUnknownOneIsAnErrorListingTheSamples() {
        Outcome none = run();
        assertUsageError(none, "Missing required subcommand", "Usage: java -jar weft-samples.jar [-hV] [COMMAND]");
        assertTrue(none.err().contains("udp-client"), none.err());
        assertUsageError(run("nonesuch"), "Unmatched argument at index 0: 'nonesuch'", "Commands:");
    }

    @Test
    void helpListsTheSamplesOrASamplesOptionsAndExitsZero() {
        Outcome all = run("--help");
        assertEquals(0, all.status());
        for (String sample : new String[] {"http", "echo", "chat", "udp-echo", "udp-client", "files", "files-client",
                "http-proxy", "proxy", "echo-bench", "all"}) {
            assertTrue(all.out().contains("  " + sample + " "), sample + " in " + all.out());
        }
        Outcome echo = run("echo", "--help");
        assertEquals(0, echo.status());
        assertTrue(echo.out().contains("--port=N"), echo.out());
        assertTrue(echo.out().contains("TCP port to listen on (default: 7007)"), echo.out());
        assertTrue(echo.out().contains("--host=ADDRESS"), echo.out());
        assertTrue(echo.out().contains("Exit codes:"), echo.out());
        assertEquals("", echo.err());
        assertEquals(0, run("chat", "-h").status());
    }

    @Test
    void versionNamesTheBuildsVersionAndTheJavaRuntimeAndExitsZero() {
        for (String[] args : new String[][] {{"--version"}, {"echo", "--version"}, {"files-client", "-V"}}) {
            Outcome outcome = run(args);
            assertEquals(0, outcome.status(), outcome.toString());
            assertTrue(outcome.out().matches("(?s)Weft samples \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"
                    + "Java " + Pattern.quote(Runtime.version().toString()) + " .*"), outcome.out());
        }
        assertFalse(SampleVersion.weftVersion().contains("$"), "the build fills the version in");
    }

    @Test
    void bothOptionFormsAreAcceptedAndARepeatableOptionCollectsEveryValue() {
        ParseResult parsed = SampleLauncher.commandLine(Samples.class).parseArgs(
                "proxy", "--port=7101", "--backend", "127.0.0.1:1", "--backend=127.0.0.1:2", "--strategy", "least-connections");
        ParseResult proxy = parsed.subcommand();
        assertEquals(7101, (int) proxy.matchedOptionValue("--port", 0));
        assertEquals(2, proxy.matchedOption("--backend").<List<?>>getValue().size());
        assertThrows(ParameterException.class, () -> SampleLauncher.commandLine(Samples.class)
                .parseArgs("proxy", "--backend", "127.0.0.1:1", "--strategy", "random"));
    }

    @Test
    void aPortInUseExitsOneWithTheMessageNamingTheAddress() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(printed, true));
            Outcome outcome = run("echo", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(SampleLauncher.EXIT_FAILURE, outcome.status(), outcome.toString());
            assertTrue(printed.toString().contains("echo: 127.0.0.1:" + taken.getLocalPort() + " is already in use"),
                    printed.toString());
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void certificateOptionsWithoutTlsOrHalfGivenAreErrors() {
        assertUsageError(run("http", "--cert", "chain.pem", "--key", "key.pem"),
                "--cert, --key and --key-password-file need --https-port", "--https-port=M");
        assertUsageError(run("echo", "--key", "key.pem"), "--cert, --key and --key-password-file need --tls", "--tls");
        assertUsageError(run("chat", "--tls", "--cert", "chain.pem"), "--cert and --key go together", "--cert=CHAIN.pem");
        assertUsageError(run("echo", "--tls", "--key-password-file", "pw.txt"), "--key-password-file needs --key",
                "--key-password-file=FILE");
    }

    @Test
    void aCertificateFileThatIsMissingExitsOneNamingIt() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true));
            Outcome outcome = run("echo", "--host", "127.0.0.1", "--port", "0", "--tls",
                    "--cert", "no-such-chain.pem", "--key", "no-such-key.pem");
            assertEquals(SampleLauncher.EXIT_FAILURE, outcome.status(), outcome.toString());
            assertTrue(printed.toString().contains("echo: no-such-chain.pem: no such file"), printed.toString());
        } finally {
            System.setErr(err);
        }
    }
}
