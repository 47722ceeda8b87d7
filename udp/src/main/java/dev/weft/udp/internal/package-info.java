/**
 * The machinery behind {@link dev.weft.udp.UdpServer} and {@link dev.weft.udp.UdpRelay}: the
 * receive loop, handler dispatch, the socket sender, counters, the relay's text protocol parser,
 * its peer table and the registry entry of a UDP peer.
 *
 * <p>Not exported from the module: nothing here is API, and any of it may change.
 */
package dev.weft.udp.internal;
