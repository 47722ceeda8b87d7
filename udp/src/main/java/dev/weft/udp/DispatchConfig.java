package dev.weft.udp;

import static dev.weft.udp.ConfigChecks.requirePositive;

import java.util.Objects;

/**
 * Where a {@link UdpServer} runs its handler, and how many datagrams it handles at once. Part of
 * {@link UdpServerConfig}; set through its builder.
 *
 * @param mode                 where the handler runs; default {@link Dispatch#INLINE} (see there
 *                             for why and for the trade-off)
 * @param maxInFlightDatagrams with {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM}, the most datagrams
 *                             handled at once; default 1,024. Each holds a copy of its payload and a
 *                             virtual thread, so this bounds memory; a datagram arriving over the
 *                             limit is dropped and counted in {@link UdpMetrics#droppedQueueFull()}.
 *                             Unused with {@link Dispatch#INLINE}
 */
public record DispatchConfig(Dispatch mode, int maxInFlightDatagrams) {

    /** The defaults documented on each component. */
    public static final DispatchConfig DEFAULTS = new DispatchConfig(Dispatch.INLINE, 1_024);

    /** Validates every component. */
    public DispatchConfig {
        Objects.requireNonNull(mode, "mode");
        requirePositive(maxInFlightDatagrams, "maxInFlightDatagrams");
    }
}
