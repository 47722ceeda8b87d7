/**
 * Command-line handling shared by the samples: typed options ({@link
 * dev.weft.samples.cli.Option}), parsing with usage text ({@link
 * dev.weft.samples.cli.CommandLine}), and the launch sequence with signal handling and exit
 * codes ({@link dev.weft.samples.cli.SampleLauncher}).
 */
package dev.weft.samples.cli;
