package dev.weft.core.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BalancingStrategy#leastConnections()}: the fewest active connections, ties in turn. */
final class LeastConnections implements BalancingStrategy {

    private final AtomicInteger start = new AtomicInteger();

    @Override
    public Backend choose(List<Backend> candidates) {
        int size = candidates.size();
        int offset = Math.floorMod(start.getAndIncrement(), size);
        Backend best = null;
        for (int i = 0; i < size; i++) {
            Backend candidate = candidates.get((offset + i) % size);
            if (best == null || candidate.activeConnections() < best.activeConnections()) {
                best = candidate;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "least-connections";
    }
}
