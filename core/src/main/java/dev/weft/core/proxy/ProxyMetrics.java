package dev.weft.core.proxy;

import java.util.List;

/**
 * A point-in-time snapshot of a {@link TcpProxy}.
 *
 * @param unavailable client connections closed at once because no backend could be reached
 * @param backends    one snapshot per backend, in configuration order
 */
public record ProxyMetrics(long unavailable, List<BackendMetrics> backends) {

    /** Copies the list. */
    public ProxyMetrics {
        backends = List.copyOf(backends);
    }
}
