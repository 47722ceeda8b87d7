package dev.weft.loadtest.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H2loadOutputTest {

    private static final String OUTPUT = """
            starting benchmark...
            spawning thread #0: 16 total client(s). Timing-based test with 0s of warm-up time and 5s of main duration for measurements.
            Application protocol: h2c

            finished in 5.00s, 19997.80 req/s, 1.02MB/s
            requests: 99995 total, 99995 started, 99989 done, 99980 succeeded, 9 failed, 6 errored, 2 timeout
            status codes: 99980 2xx, 0 3xx, 3 4xx, 0 5xx
            traffic: 5.10MB (5348395) total, 293.91KB (300967) headers (space savings 90.27%), 1.30MB (1359851) data
                                 min         max         mean         sd        +/- sd
            time for request:      101us      9.45ms       737us       262us    77.73%
            time for connect:      146us      1.20ms       736us       336us    56.25%
            """;

    private static final Step STEP = new Step(EngineKind.JETTY, Scenario.H2, 16, new Variant.Streams(10), Duration.ZERO,
            Duration.ofSeconds(5));
    private static final ProcessUsage USAGE = new ProcessUsage(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 20, 80);

    @Test
    void rateSuccessesFailuresAndMaximumAreReadFromH2loadsOutput() {
        SyscallCounts syscalls = new SyscallCounts.Counted(Map.of("read", 100L), 300);
        LoadRow row = H2loadStepRunner.parse(STEP, OUTPUT, USAGE, syscalls);
        assertEquals(19_997.8, row.throughput(), 1e-9);
        assertEquals(99_980, row.responses());
        assertEquals(9 - 2, row.errors(), "failed requests that did not time out");
        assertEquals(2, row.timeouts());
        assertEquals(9.45, row.maxMs(), 1e-9);
        assertTrue(Double.isNaN(row.p99Ms()), "h2load reports no percentiles");
        assertEquals("h2c-streams-10", row.protocol());
        assertEquals(99_980 / 2.0, row.responsesPerServerCpuSecond(), 1e-6);
        assertEquals(syscalls, row.syscalls());
    }

    @Test
    void outputWithoutAResultIsRefused() {
        assertThrows(IllegalStateException.class, () -> H2loadStepRunner.parse(STEP, "connect: Connection refused",
                USAGE, new SyscallCounts.Unavailable("x")));
    }
}
