package dev.weft.loadtest.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.sampler.ProcessUsage;
import dev.weft.loadtest.sampler.SyscallCounts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WrkOutputTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:8080/hello
              1 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   623.45us  200.12us   5.12ms   80.00%
                Req/Sec    95.12k     3.21k  100.00k    70.00%
              Latency Distribution
                 50%  600.00us
                 75%  700.00us
                 90%  800.00us
                 99%    1.20ms
              475600 requests in 5.00s, 40.00MB read
              Socket errors: connect 1, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 4
            Requests/sec:  95120.00
            Transfer/sec:      8.00MB
            """;

    private static final Step STEP = new Step(EngineKind.NETTY, Scenario.WRK, 64, new Variant.Pipeline(1), Duration.ZERO,
            Duration.ofSeconds(5));
    private static final SyscallCounts SYSCALLS = new SyscallCounts.Unavailable("not counted in this test");
    private static final ProcessUsage USAGE = new ProcessUsage(Duration.ofSeconds(4), Duration.ofSeconds(5), 1 << 20, 20, 80);

    @Test
    void latencyPercentilesRateAndErrorsAreReadFromWrksOutput() {
        LoadRow row = WrkStepRunner.parse(STEP, OUTPUT, USAGE, SYSCALLS);
        assertEquals(0.6, row.p50Ms(), 1e-9);
        assertEquals(0.8, row.p90Ms(), 1e-9);
        assertEquals(1.2, row.p99Ms(), 1e-9);
        assertEquals(5.12, row.maxMs(), 1e-9);
        assertEquals(475_600, row.responses());
        assertEquals(95_120.0, row.throughput(), 1e-9);
        assertEquals(1 + 2 + 4, row.errors(), "connect and read errors and non-2xx responses");
        assertEquals(3, row.timeouts());
        assertEquals(475_600 / 4.0, row.responsesPerServerCpuSecond(), 1e-6);
        assertTrue(row.p999Ms().isEmpty(), "wrk reports no p99.9");
    }

    @Test
    void outputWithoutARateIsRefused() {
        assertThrows(IllegalStateException.class, () -> WrkStepRunner.parse(STEP, "unable to connect", USAGE, SYSCALLS));
    }
}
