package dev.weft.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.sampler.SyscallCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The report names every engine's transport, explains rows with syscalls per response, and says n/a with why. */
class ReportTest {

    private static LoadRow row(String engine, String scenario, String generator, long responses, double cpuSeconds,
                               SyscallCounts syscalls) {
        return new LoadRow(engine, scenario, "http", generator, 256, OptionalInt.empty(), responses, responses, 0, 0,
                0.1, 0.2, 0.3, OptionalDouble.empty(), 0.4, cpuSeconds, cpuSeconds, responses / cpuSeconds, 100, 20,
                300, 0, syscalls);
    }

    private static final List<StepResult> RESULTS = List.of(
            row("netty", "http", "weft-gen", 1_000, 0.01, new SyscallCounts.Counted(
                    Map.of("recvfrom", 1_000L, "sendto", 1_000L, "epoll_pwait2", 120L), 2_200)),
            row("weft-virtual", "http", "weft-gen", 1_000, 0.02, new SyscallCounts.Counted(
                    Map.of("read", 2_000L, "write", 1_000L, "epoll_ctl", 1_070L, "futex", 320L), 4_500)),
            row("helidon", "http", "weft-gen", 500, 0.01, new SyscallCounts.Unavailable("perf is not installed")),
            row("netty", "wrk", "wrk", 1_100, 0.01, new SyscallCounts.Unavailable("perf is not installed")),
            new NotApplicableRow("helidon", "echo", "Helidon SE WebServer has no raw TCP server"));

    private static final RunInfo INFO = new RunInfo(Instant.EPOCH, Duration.ofSeconds(1), "quick",
            Map.of("netty", "Netty 4.2.18.Final", "weft-virtual", "Weft", "helidon", "Helidon SE 4.5.0"),
            Map.of("netty", "native epoll (edge-triggered), 2 worker loops", "weft-virtual",
                    "virtual thread per connection, blocking JDK sockets (JDK poller)", "helidon", "virtual thread per connection"),
            List.of("wrk: /usr/bin/wrk"));

    private static final List<EngineStart> STARTS = List.of(
            new EngineStart("weft-virtual", "echo, http", Duration.ofMillis(300), 60L << 20),
            new EngineStart("netty", "echo, http", Duration.ofMillis(500), 70L << 20),
            new EngineStart("weft-virtual", "echo, http", Duration.ofMillis(200), 62L << 20),
            new EngineStart("weft-virtual", "echo, http", Duration.ofMillis(250), 64L << 20));

    private final String markdown = new Report(INFO, RESULTS, List.of(), STARTS).markdown();

    @Test
    void everyEngineIsListedWithItsTransport() {
        assertTrue(markdown.contains("| netty | native epoll (edge-triggered), 2 worker loops | Netty 4.2.18.Final |"), markdown);
        assertTrue(markdown.contains("| weft-virtual | virtual thread per connection, blocking JDK sockets (JDK poller) |"),
                markdown);
    }

    @Test
    void syscallsAndCpuPerResponseExplainEachRow() {
        // weft-virtual: 20 µs of CPU per response; read 2.00, write 1.00, epoll_ctl 1.07, futex 0.32, other 0.11, total 4.50
        assertTrue(markdown.contains("| http | weft-virtual | http | weft-gen | 256 | 20.0 | 2.00 | 0.00 | 0.00 | 1.00 | 0.00"
                + " | 0.00 | 0.00 | 1.07 | 0.00 | 0.32 | 0.11 | 4.50 |"), markdown);
        assertTrue(markdown.contains("| http | netty | http | weft-gen | 256 | 10.0 | 0.00 | 1.00 | 0.00 | 0.00 | 1.00"
                + " | 0.00 | 0.00 | 0.00 | 0.12 | 0.00 | 0.08 | 2.20 |"), markdown);
        assertTrue(markdown.contains("| http | helidon | http | weft-gen | 256 | 20.0 | unavailable |"), markdown);
        assertTrue(markdown.contains("Unavailable: perf is not installed."), markdown);
    }

    @Test
    void wrkStandsBesideTheJavaGenerator() {
        assertTrue(markdown.contains("### The Java generator beside wrk (HTTP/1.1)"), markdown);
        assertTrue(markdown.contains("| netty | http | 256 | 1,000 | 1,100 | 100,000 | 110,000 |"), markdown);
    }

    @Test
    void startUpToListeningAndMemoryBeforeTrafficAreGivenPerEngineWithItsServices() {
        assertTrue(markdown.contains("| weft-virtual | echo, http | 3 | 200 | 250 | 62.0 |"), markdown);
        assertTrue(markdown.contains("| netty | echo, http | 1 | 500 | 500 | 70.0 |"), markdown);
    }

    @Test
    void aScenarioWithoutMeaningForAnEngineIsNotApplicableWithTheReason() {
        assertTrue(markdown.contains("| helidon | echo | Helidon SE WebServer has no raw TCP server |"), markdown);
    }
}
