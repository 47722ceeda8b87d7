/**
 * The {@code chat} sample: a TCP line chat with rooms. Each line a client types is broadcast
 * through the shared {@link dev.weft.core.ClientRegistry} to every other client of its room;
 * {@code /nick NAME}, {@code /join ROOM}, {@code /who} and {@code /quit} are commands. A client
 * that does not read is disconnected by the registry's bounded outbound queue instead of
 * stalling the others. With {@code --udp-port M} the same application also runs the
 * {@link dev.weft.udp.UdpRelay}: UDP peers and TCP clients share rooms and nicknames through
 * {@link dev.weft.udp.ChatPresence}, so a line typed on either side reaches the other.
 */
package dev.weft.samples.chat;
