package dev.weft.samples.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the members of {@link ChatClusterBenchmark} heard: how many lines of each phase (all, and
 * those that crossed instances), the latency of the measured phase's lines from the speaker's
 * write to the listener's read, lines heard twice or out of order (per speaker, by its sequence
 * numbers), and when lines first crossed instances again after a mark (Redis restarted).
 */
final class Tally {

    /** The phases of a run, as a line's last field: warm-up, measured, Redis down, Redis back. */
    static final String PHASES = "wmoa";

    final Histogram all = new ConcurrentHistogram(3);
    final Histogram across = new ConcurrentHistogram(3);
    final LongAdder duplicates = new LongAdder();
    private final LongAdder[] received = adders();
    private final LongAdder[] receivedAcross = adders();
    /** Per listening instance: when a line from another instance first reached it after the mark. */
    private final AtomicLong[] firstAcrossAfterNanos;
    private final List<BenchMember> members;
    private volatile long markNanos = Long.MAX_VALUE;

    Tally(List<BenchMember> members, int instances) {
        this.members = members;
        this.firstAcrossAfterNanos = new AtomicLong[instances];
        Arrays.setAll(firstAcrossAfterNanos, i -> new AtomicLong(Long.MAX_VALUE));
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[PHASES.length()];
        Arrays.setAll(adders, i -> new LongAdder());
        return adders;
    }

    /** Lines of {@code phase} heard, by everyone or across instances only. */
    long received(char phase, boolean acrossOnly) {
        return (acrossOnly ? receivedAcross : received)[PHASES.indexOf(phase)].sum();
    }

    /** From now on, remember when the first line crossing instances arrives. */
    void mark() {
        markNanos = System.nanoTime();
    }

    /**
     * How long after {@link #mark()} lines from other instances reached the first instance, and
     * the last, in ms; -1 for an instance they never reached.
     */
    long[] millisToAcrossAfterMark() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (AtomicLong instance : firstAcrossAfterNanos) {
            long at = instance.get();
            if (at == Long.MAX_VALUE) {
                return new long[] {-1, -1};
            }
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        return new long[] {(first - markNanos) / 1_000_000, (last - markNanos) / 1_000_000};
    }

    /** One line {@code listener} read; {@code lastSeqBySpeaker} is the listener's own. */
    void heard(BenchMember listener, String line, Map<Integer, Long> lastSeqBySpeaker) {
        int colon = line.indexOf(": b ");
        if (colon < 0) {
            return; // a notice, or an answer
        }
        long now = System.nanoTime();
        String[] fields = line.substring(colon + 4).split(" ");
        long seq = Long.parseLong(fields[0]);
        int speaker = Integer.parseInt(fields[1]);
        long sentNanos = Long.parseLong(fields[2]);
        Long last = lastSeqBySpeaker.put(speaker, seq);
        if (last != null && seq <= last) {
            duplicates.increment();
            return;
        }
        int phase = PHASES.indexOf(fields[3].charAt(0));
        boolean crossed = members.get(speaker).instance != listener.instance;
        received[phase].increment();
        if (crossed) {
            receivedAcross[phase].increment();
            if (now > markNanos) {
                firstAcrossAfterNanos[listener.instance].accumulateAndGet(now, Math::min);
            }
        }
        if (PHASES.charAt(phase) == 'm') {
            long micros = Math.max(1, (now - sentNanos) / 1_000);
            all.recordValue(micros);
            if (crossed) {
                across.recordValue(micros);
            }
        }
    }
}
