package dev.weft.core.proxy;

import java.util.List;

/**
 * Picks the backend for a new client connection among the healthy ones. Implementations are
 * called concurrently from many connection threads and must be thread-safe.
 */
@FunctionalInterface
public interface BalancingStrategy {

    /**
     * Chooses one backend.
     *
     * @param candidates the healthy backends, in configuration order; never empty
     * @return one of {@code candidates}
     */
    Backend choose(List<Backend> candidates);

    /** {@return a strategy that picks each backend in turn} */
    static BalancingStrategy roundRobin() {
        return new RoundRobin();
    }

    /**
     * The backend with the fewest active connections; ties go round-robin, so sequential
     * short connections still spread.
     *
     * @return the strategy
     */
    static BalancingStrategy leastConnections() {
        return new LeastConnections();
    }
}
