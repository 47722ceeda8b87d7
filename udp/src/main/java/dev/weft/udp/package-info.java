/**
 * Datagram serving and the chat relay.
 *
 * <p>A {@link dev.weft.udp.UdpServer} owns one UDP socket and one receive loop on a virtual
 * thread that hands each datagram, with its sender's address, to a
 * {@link dev.weft.udp.DatagramHandler}; replies and any other datagrams go out through a
 * {@link dev.weft.udp.DatagramSender} from the same socket. Threading contract: by default the
 * handler runs inline on the receive loop, one datagram at a time, and must not block for long;
 * {@link dev.weft.udp.Dispatch#VIRTUAL_THREAD_PER_DATAGRAM} runs each datagram on its own virtual
 * thread for handlers that block. Sends may come from any thread.
 *
 * <p>{@link dev.weft.udp.UdpRelay} is a ready-made handler: the relay protocol, keep-alive and
 * expiry of silent peers. Its peers are {@link dev.weft.core.Client}s of the shared
 * {@link dev.weft.core.ClientRegistry} (broadcast targets) and members of the shared
 * {@link dev.weft.core.rooms.ChatRooms}, so TCP clients and UDP peers meet in the same rooms
 * under nicknames unique across protocols.
 *
 * <p>Not here: the machinery ({@code dev.weft.udp.internal}, not exported), Dagger wiring
 * ({@code dev.weft.udp.inject}), the rooms themselves ({@code dev.weft.core.rooms}) and TCP
 * ({@code dev.weft.core}).
 */
package dev.weft.udp;
