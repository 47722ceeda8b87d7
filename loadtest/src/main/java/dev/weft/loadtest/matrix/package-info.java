/**
 * The scenario matrix: which engine runs which scenario at which concurrency (and TLS version,
 * streams or pipeline depth), each engine in its own process, the pairs without meaning listed
 * as n/a, the external instruments ({@code wrk}, {@code h2load}, {@code perf}) found or named as
 * missing, the server sampled from {@code /proc} and counted with {@code perf} over every
 * measurement window, with a progress line per step. Single-threaded: one step at a time.
 */
package dev.weft.loadtest.matrix;
