package dev.weft.core.proxy;

import java.net.InetSocketAddress;

/**
 * A point-in-time snapshot of one backend's state and counters.
 *
 * @param address           the backend's address
 * @param healthy           whether it is believed alive and chosen for new connections
 * @param activeConnections client connections paired with it right now
 * @param connections       client connections paired with it since the start
 * @param connectFailures   connects to it that failed or timed out (each followed by a retry
 *                          on the next backend)
 * @param bytesToBackend    bytes copied from clients to it
 * @param bytesFromBackend  bytes copied from it to clients
 */
public record BackendMetrics(InetSocketAddress address, boolean healthy, int activeConnections,
                             long connections, long connectFailures, long bytesToBackend,
                             long bytesFromBackend) {
}
