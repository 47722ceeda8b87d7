package dev.weft.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: usage errors exit 2 with the usage, help and version exit 0. */
class MainCommandLineTest {

    /** What one invocation printed and returned. */
    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownOptionIsAnErrorWithTheUsageAndExitCode2() {
        Outcome outcome = execute("run", "--quik");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Unknown option: '--quik'"), outcome.err());
        assertTrue(outcome.err().contains("Usage: weft-loadtest run"), outcome.err());
    }

    @Test
    void anExtraArgumentIsAnErrorWithExitCode2() {
        Outcome outcome = execute("run", "--quick", "everything");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("everything"), outcome.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--engines=netty,nety", "--scenarios=http,htp"})
    void anUnknownEngineOrScenarioIsAnErrorNamingTheKnownOnes(String option) {
        Outcome outcome = execute("run", option, "--dry-run");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("known:"), outcome.err());
    }

    @Test
    void aBadNumberIsAnErrorWithExitCode2() {
        Outcome outcome = execute("hold", "--port", "eighty", "--protocol", "http", "--connections", "1",
                "--source", "127.0.0.1");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("--port"), outcome.err());
    }

    @Test
    void aMissingCommandIsAnErrorWithExitCode2() {
        Outcome outcome = execute();
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Missing command"), outcome.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpPrintsTheUsageAndExits0(String flag) {
        Outcome outcome = execute(flag);
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.out().contains("Usage: weft-loadtest") && outcome.out().contains("run"), outcome.out());
    }

    @Test
    void helpOfRunListsEnginesAndScenarios() {
        Outcome outcome = execute("run", "--help");
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.out().contains("helidon") && outcome.out().contains("tls-connect"), outcome.out());
    }

    @Test
    void versionNamesTheContrastEnginesAndExits0() {
        Outcome outcome = execute("--version");
        assertEquals(0, outcome.exitCode());
        assertTrue(outcome.out().contains("Netty 4.2.18.Final") && outcome.out().contains("Helidon 4.5.0"), outcome.out());
    }

    @Test
    void aDryRunPrintsThePlanWithTheNotApplicablePairsAndExits0() {
        Outcome outcome = execute("run", "--quick", "--no-perf", "--engines", "helidon,netty", "--scenarios", "echo,http",
                "--dry-run");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("netty echo c=64"), outcome.out());
        assertTrue(outcome.out().contains("helidon echo: n/a, Helidon SE WebServer has no raw TCP server"), outcome.out());
    }
}
