/**
 * Dagger wiring for {@code dev.weft.core}.
 *
 * <p>{@link dev.weft.core.inject.CoreModule} provides the application-wide
 * {@link dev.weft.core.ClientRegistry} as a singleton, so that every server in one Dagger
 * component shares it; {@link dev.weft.core.inject.RoomsModule} provides the application-wide
 * {@link dev.weft.core.rooms.ChatRooms}, shared by every chat protocol. The configuration is the
 * application's to bind (typically with {@code @BindsInstance TcpServerConfig}); the framework
 * reads no system properties.
 *
 * <p>Nothing in the framework needs Dagger: every service has a plain public constructor, and
 * the {@code dagger} dependency of this module is optional.
 */
package dev.weft.core.inject;
