package dev.weft.core.limit;

/**
 * A point-in-time snapshot of a {@link PerAddressAdmission}.
 *
 * @param admitted              connections admitted
 * @param refusedByRate         connections refused because their address opened too many too
 *                              fast (including when too many addresses were tracked)
 * @param refusedByConcurrency  connections refused because their address already held its
 *                              maximum
 * @param addressesConnected    addresses with at least one admitted connection open now (tracked
 *                              only when a concurrency limit is set)
 */
public record AdmissionMetrics(long admitted, long refusedByRate, long refusedByConcurrency,
                               int addressesConnected) {
}
