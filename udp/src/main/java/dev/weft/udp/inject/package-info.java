/**
 * Dagger wiring for {@code dev.weft.udp}.
 *
 * <p>{@link dev.weft.udp.inject.UdpModule} provides the {@link dev.weft.udp.UdpRelay} and the
 * {@link dev.weft.udp.UdpServer} that runs it, both singletons, on the application's shared
 * {@link dev.weft.core.ClientRegistry} and {@link dev.weft.core.rooms.ChatRooms}; include
 * {@code dev.weft.core.inject.CoreModule} and {@code dev.weft.core.inject.RoomsModule} for them.
 * An application serving its own {@link dev.weft.udp.DatagramHandler} does not need this module:
 * it provides its {@code UdpServer} in a {@code @Provides @Singleton} method of its own, since the
 * server has no {@code @Inject} constructor.
 *
 * <p>Nothing in the framework needs Dagger; the {@code dagger} dependency is optional.
 */
package dev.weft.udp.inject;
