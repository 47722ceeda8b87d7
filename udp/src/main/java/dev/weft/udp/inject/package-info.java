/**
 * Dagger wiring for {@code dev.weft.udp}.
 *
 * <p>{@link dev.weft.udp.inject.UdpModule} provides the {@link dev.weft.udp.UdpRelay} and the
 * {@link dev.weft.udp.UdpServer} that runs it, both singletons, on the application's shared
 * {@link dev.weft.core.ClientRegistry}; include {@code dev.weft.core.inject.CoreModule} for the
 * registry. An application serving its own {@link dev.weft.udp.DatagramHandler} does not need
 * this module: {@code UdpServer} has a plain constructor.
 *
 * <p>Nothing in the framework needs Dagger; the {@code dagger} dependency is optional.
 */
package dev.weft.udp.inject;
