package dev.weft.core.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BalancingStrategy#roundRobin()}: each candidate in turn. */
final class RoundRobin implements BalancingStrategy {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Backend choose(List<Backend> candidates) {
        return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
    }

    @Override
    public String toString() {
        return "round-robin";
    }
}
