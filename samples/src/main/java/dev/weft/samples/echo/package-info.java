/**
 * The {@code echo} sample: a TCP server that writes back every byte it reads. The smallest
 * complete Weft application: a handler, a Dagger component, a ten-line main.
 */
package dev.weft.samples.echo;
