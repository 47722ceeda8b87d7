/**
 * Chat rooms as a service shared by every protocol: {@link dev.weft.core.rooms.ChatRooms} keeps
 * room → nickname → member {@link dev.weft.core.Client}, so that a TCP chat connection, a UDP
 * relay peer and a WebSocket session meet in the same rooms, hear each other's lines, and never
 * share a nickname in a room. Names and limits are typed and validated
 * ({@link dev.weft.core.rooms.RoomsConfig}, {@link dev.weft.core.rooms.NameKind}); every refusal
 * is a {@link dev.weft.core.rooms.RoomRefusal} with a message the protocol sends back.
 *
 * <p>Threading contract: every method may be called from any thread and never blocks. Changes
 * hold one {@code ReentrantLock} for a few map operations; lines and notices are queued with
 * {@link dev.weft.core.Client#send} outside it, and delivering a message takes no lock at all.
 *
 * <p>Threading contract, in a cluster: a join, move or rename also claims the nickname across the
 * cluster, and a member entering a room is sent its history; {@code presence} asks every instance.
 * These wait for the cluster — never under the lock, at most the cluster's timeout — on the
 * thread of the client concerned; everything else still never waits.
 *
 * <p>Extension: {@link dev.weft.core.rooms.RoomsListener} hears every change and message after
 * the fact, and {@link dev.weft.core.rooms.ChatRooms#tell} delivers lines from elsewhere. A
 * {@link dev.weft.core.rooms.RoomsCluster} (the service provider interface that Weft's
 * {@code weft-redis} implements; core never depends on it) shares the rooms between instances of
 * an application: nicknames claimed across instances before the local join, lines published after
 * the local delivery, presence and history across instances, and the other instances' lines and
 * notices delivered through {@link dev.weft.core.rooms.LocalRooms}.
 *
 * <p>Not here: the protocols' wording and framing (the TCP chat sample, the UDP relay in
 * {@code dev.weft.udp}), the registry of reachable clients ({@link dev.weft.core.ClientRegistry}),
 * and the Dagger binding ({@code dev.weft.core.inject.RoomsModule}).
 */
package dev.weft.core.rooms;
