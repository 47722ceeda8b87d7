/**
 * The soak test's driver ({@code scripts/soak.sh}): mixed HTTP, echo, chat and UDP relay load at a
 * moderate rate against one sample process on loopback, for minutes; the process's RSS, heap
 * after GC, threads and descriptors sampled every few seconds; a least-squares trend test after
 * warm-up ({@link dev.weft.soak.Trend}); and a report with a chart. Each simulated client runs
 * on its own virtual thread with plain blocking JDK clients.
 *
 * <p>Not here: throughput and latency measurement, which is the load-test module's job; the
 * soak test only asks whether a server that runs for a long time keeps answering and stops
 * growing.
 */
package dev.weft.soak;
