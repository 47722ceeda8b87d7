package dev.weft.loadtest.report;

import dev.weft.loadtest.sampler.SyscallCounts;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A request scenario's step: throughput, latency, errors, and the server's CPU and memory over
 * the same window.
 *
 * @param engine                      the engine
 * @param scenario                    the scenario
 * @param protocol                    what the clients said, e.g. {@code http-pipelined-16}
 * @param generator                   {@code weft-gen} (this module's generator), {@code wrk} or {@code h2load}
 * @param connections                 client connections
 * @param targetRate                  the open-loop rate per second; empty for closed loop
 * @param responses                   responses completed in the window
 * @param throughput                  responses per second
 * @param errors                      failed connects, round trips and wrong answers
 * @param timeouts                    round trips that got no answer in time
 * @param p50Ms                       median latency, ms
 * @param p90Ms                       90th percentile, ms
 * @param p99Ms                       99th percentile, ms
 * @param p999Ms                      99.9th percentile, ms (wrk does not report it)
 * @param maxMs                       largest latency, ms
 * @param serverCpuSeconds            server CPU time in the window
 * @param serverCores                 server CPU time divided by the window (cores busy)
 * @param responsesPerServerCpuSecond responses per second of server CPU: the fair figure when the
 *                                    generator shares the cores
 * @param serverRssMiB                the server's peak resident memory
 * @param serverThreads               the server's peak thread count
 * @param serverFds                   the server's peak open descriptors
 * @param generatorCpuSeconds         the generator's CPU time in the window (0 for external instruments)
 * @param syscalls                    the server's system calls in the window, by kind, or why
 *                                    they were not counted
 */
public record LoadRow(String engine, String scenario, String protocol, String generator, int connections,
                      OptionalInt targetRate, long responses, double throughput, long errors, long timeouts,
                      double p50Ms, double p90Ms, double p99Ms, OptionalDouble p999Ms, double maxMs,
                      double serverCpuSeconds, double serverCores, double responsesPerServerCpuSecond,
                      double serverRssMiB, int serverThreads, int serverFds, double generatorCpuSeconds,
                      SyscallCounts syscalls) implements StepResult {

    /** Server CPU microseconds per response; NaN without responses. */
    public double serverCpuMicrosPerResponse() {
        return responses > 0 ? serverCpuSeconds * 1e6 / responses : Double.NaN;
    }
}
