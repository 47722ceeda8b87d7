/**
 * The {@code udp-echo} sample: a {@link dev.weft.udp.UdpServer} that sends every datagram back
 * to its sender, handled inline on the receive loop. Try it with
 * {@code nc -u 127.0.0.1 7007}.
 */
package dev.weft.samples.udpecho;
