/**
 * The {@code udp-client} sample: a terminal chat client of the {@link dev.weft.udp.UdpRelay}.
 * Start {@code chat --port 7008 --udp-port 7009}, then {@code udp-client --port 7009 --nick ann}
 * in one terminal, {@code udp-client --port 7009 --nick bob} (or {@code nc 127.0.0.1 7008}) in
 * another, and type.
 */
package dev.weft.samples.udpclient;
