/**
 * The {@code chat} sample: a TCP line chat with rooms. Each line a client types is said to the
 * other members of its room through the shared {@link dev.weft.core.rooms.ChatRooms};
 * {@code /nick NAME}, {@code /join ROOM}, {@code /who} and {@code /quit} are commands. Each
 * connection is a client of the shared {@link dev.weft.core.ClientRegistry}, whose bounded
 * outbound queue disconnects a client that does not read instead of letting it stall the others.
 * With {@code --udp-port M} the same application also runs the {@link dev.weft.udp.UdpRelay} on
 * the same registry and rooms: UDP peers and TCP clients share rooms and nicknames, so a line
 * typed on either side reaches the other. With {@code --http-port H} it serves HTTP too, with
 * the routes of {@link dev.weft.samples.chat.ChatHttpRoutes}: {@code GET /health}, and the web
 * chat — the page {@code /chat} and {@link dev.weft.samples.chat.ChatWebSocket} at
 * {@code /ws/chat}, where a browser joins the same rooms with the same line protocol
 * ({@link dev.weft.samples.chat.ChatConversation}, shared with the TCP chat); with
 * {@code --redis URI --instance NAME} its rooms are shared with every instance using the same
 * Redis, through {@code weft-redis} ({@link dev.weft.samples.chat.ChatClusterModule},
 * {@link dev.weft.samples.chat.ClusterOptions}). Each client runs on its own virtual thread.
 */
package dev.weft.samples.chat;
