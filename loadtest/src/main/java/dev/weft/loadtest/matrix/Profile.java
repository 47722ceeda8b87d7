package dev.weft.loadtest.matrix;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is: step lengths and the values swept.
 *
 * @param warmup              unrecorded load at the start of each step
 * @param measure             the measurement window of each step
 * @param engineWarmup        unrecorded load when an engine has just started, so the JIT has
 *                            compiled its hot paths before the first recorded step
 * @param sweep               the connection counts of the echo and HTTP scenarios
 * @param pipelinedSweep      the connection counts of the pipelined scenario
 * @param openLoopConnections connections of the open-loop scenario
 * @param openLoopRates       the fixed rates tried, rising; the sweep stops at the first rate
 *                            whose p99 exceeds {@link #OPEN_LOOP_P99_LIMIT_MILLIS}
 * @param churnConnections    concurrent clients of the churn scenario
 * @param idleCounts          the idle connection counts held
 * @param wrkConnections      the connection counts of the wrk cross-check
 * @param udp                 the sweeps of the UDP scenarios
 * @param protocols           the sweeps of the TLS, WebSocket and HTTP/2 scenarios
 */
public record Profile(Duration warmup, Duration measure, Duration engineWarmup, List<Integer> sweep,
                      List<Integer> pipelinedSweep, int openLoopConnections, List<Integer> openLoopRates,
                      int churnConnections, List<Integer> idleCounts, List<Integer> wrkConnections,
                      UdpSweeps udp, ProtocolSweeps protocols) {

    /** The p99 (ms) an open-loop rate must stay under to count as sustained. */
    public static final double OPEN_LOOP_P99_LIMIT_MILLIS = 10.0;

    /** The full run: about 30 minutes for every engine. */
    public static final Profile FULL = new Profile(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3),
            List.of(64, 256, 1_024, 10_000), List.of(64, 256, 1_024, 10_000), 256,
            List.of(5_000, 10_000, 20_000, 30_000, 40_000, 60_000, 80_000, 100_000, 120_000),
            64, List.of(1_000, 10_000, 18_000), List.of(64, 256, 1_024),
            new UdpSweeps(List.of(16, 64, 256), List.of(1, 64, 256)),
            new ProtocolSweeps(List.of(64, 256, 1_024), 64, List.of(64, 1_000), 16, List.of(1, 10, 100)));

    /** The quick run: a few minutes for every engine; numbers are indicative only. */
    public static final Profile QUICK = new Profile(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3),
            List.of(64, 256, 1_024), List.of(256), 256, List.of(5_000, 20_000), 64, List.of(1_000), List.of(256),
            new UdpSweeps(List.of(64), List.of(1, 64)),
            new ProtocolSweeps(List.of(64), 16, List.of(64, 1_000), 16, List.of(1, 10, 100)));

    /** The profile for a smoke run of every scenario at low concurrency (tests). */
    public static final Profile SMOKE = new Profile(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(200),
            List.of(8), List.of(4), 8, List.of(400), 4, List.of(50), List.of(8),
            new UdpSweeps(List.of(4), List.of(2)),
            new ProtocolSweeps(List.of(4), 2, List.of(4), 2, List.of(2)));
}
