/**
 * Samples a server process from {@code /proc}: CPU time, resident memory, threads and open
 * file descriptors, over a measurement window.
 */
package dev.weft.loadtest.sampler;
