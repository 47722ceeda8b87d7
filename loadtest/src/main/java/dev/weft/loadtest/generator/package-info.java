/**
 * The load generator: clients on virtual threads, closed-loop or open-loop at a fixed rate with
 * latency corrected for coordinated omission (measured from each request's intended send time,
 * the wrk2 way), latencies in an HdrHistogram, every error and timeout counted.
 */
package dev.weft.loadtest.generator;
