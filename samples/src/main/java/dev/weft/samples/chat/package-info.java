/**
 * The {@code chat} sample: a TCP line chat. Each line a client types is broadcast through the
 * shared {@link dev.weft.core.ClientRegistry} to every other client; {@code /nick NAME},
 * {@code /who} and {@code /quit} are commands. A client that does not read is disconnected by
 * the registry's bounded outbound queue instead of stalling the others.
 */
package dev.weft.samples.chat;
