/**
 * The scenario matrix: which engine runs which scenario at which concurrency, each engine in
 * its own process, sampled from {@code /proc} over every step, with a progress line per step.
 */
package dev.weft.loadtest.matrix;
