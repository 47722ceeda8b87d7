/**
 * Samples a server process over a measurement window: CPU time, resident memory, threads and
 * open file descriptors from {@code /proc}; system calls by kind through {@code perf stat} on
 * the syscall tracepoints; the live heap by class through {@code jcmd}. The report's tables are
 * in {@code dev.weft.loadtest.report}.
 */
package dev.weft.loadtest.sampler;
