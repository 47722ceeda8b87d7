package dev.weft.loadtest.report;

/**
 * An idle-connections step: what holding connections open costs the server.
 *
 * @param engine              the engine
 * @param scenario            the scenario ({@code idle})
 * @param protocol            the protocol of the one round trip made on each connection
 * @param requested           connections asked for
 * @param held                connections opened and answered
 * @param alive               connections that still answered at the end
 * @param heapBeforeBytes     server heap in use after a full GC, before
 * @param heapAfterBytes      the same with the connections held
 * @param rssBeforeBytes      server resident memory before
 * @param rssAfterBytes       the same with the connections held
 * @param threadsBefore       server threads before
 * @param threadsAfter        server threads with the connections held
 * @param fdsAfter            server open descriptors with the connections held
 * @param heapPerConnectionKiB heap growth per held connection, KiB
 * @param rssPerConnectionKiB resident memory growth per held connection, KiB
 * @param holderProcesses     how many generator processes held the connections
 * @param heapByClass         the live-heap growth per held connection by class, largest first
 *                            (from class histograms before and after); empty when
 *                            {@code jcmd} could not be run
 */
public record IdleRow(String engine, String scenario, String protocol, int requested, int held, int alive,
                      long heapBeforeBytes, long heapAfterBytes, long rssBeforeBytes, long rssAfterBytes,
                      int threadsBefore, int threadsAfter, int fdsAfter, double heapPerConnectionKiB,
                      double rssPerConnectionKiB, int holderProcesses, String heapByClass) implements StepResult {

    /** Computes the per-connection figures from the before and after readings. */
    public static IdleRow of(String engine, String protocol, int requested, int held, int alive,
                             long heapBefore, long heapAfter, long rssBefore, long rssAfter,
                             int threadsBefore, int threadsAfter, int fdsAfter, int holderProcesses,
                             String heapByClass) {
        double per = Math.max(1, held) * 1_024.0;
        return new IdleRow(engine, "idle", protocol, requested, held, alive, heapBefore, heapAfter,
                rssBefore, rssAfter, threadsBefore, threadsAfter, fdsAfter, (heapAfter - heapBefore) / per,
                (rssAfter - rssBefore) / per, holderProcesses, heapByClass);
    }
}
