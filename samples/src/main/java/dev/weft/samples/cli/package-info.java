/**
 * The samples' command lines, on picocli: {@link dev.weft.samples.cli.SampleLauncher} configures
 * every sample's parsing ({@code --help}, {@code --version}, exit code 2 with the usage for an
 * unknown option, an extra argument or a bad value) and runs a server sample until SIGTERM or
 * Ctrl-C; {@link dev.weft.samples.cli.ServerSample} is what a server sample's command extends;
 * the converters turn option text into typed values with a message for the user when it is wrong.
 *
 * <p>The options of each sample are declared on its own {@code Main} class, next to the wiring.
 */
package dev.weft.samples.cli;
