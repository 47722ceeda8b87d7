package dev.weft.soak;

import java.util.function.ToLongFunction;

/**
 * What the soak test watches for leaks, each with the growth it tolerates after warm-up: a
 * metric <em>trends up</em> when its least-squares line over the post-warm-up samples rises, from
 * the first of them to the last, by more than {@code relativeAllowance} of its mean or
 * {@code absoluteAllowance}, whichever is larger (see {@link Trend}). The absolute floors keep
 * small counts from failing on noise: descriptors and threads include the connections in flight
 * at the moment of the sample.
 */
public enum Metric {
    /** Resident set size, bytes: native leaks (direct buffers, thread stacks, code cache). */
    RSS("RSS", true, 0.10, 16L << 20, Sample::rssBytes),
    /** Heap after a full GC, bytes: leaked objects, virtual threads and registry entries. */
    HEAP_AFTER_GC("heap after GC", true, 0.10, 4L << 20, Sample::heapAfterGcBytes),
    /** Operating-system threads. */
    THREADS("threads", false, 0.10, 4, Sample::threads),
    /** Open file descriptors: leaked sockets. */
    DESCRIPTORS("descriptors", false, 0.10, 16, Sample::descriptors);

    private final String label;
    private final boolean bytes;
    private final double relativeAllowance;
    private final long absoluteAllowance;
    private final ToLongFunction<Sample> value;

    Metric(String label, boolean bytes, double relativeAllowance, long absoluteAllowance,
           ToLongFunction<Sample> value) {
        this.label = label;
        this.bytes = bytes;
        this.relativeAllowance = relativeAllowance;
        this.absoluteAllowance = absoluteAllowance;
        this.value = value;
    }

    /** The name in reports. */
    public String label() {
        return label;
    }

    /** The fraction of the mean the metric may grow by after warm-up. */
    public double relativeAllowance() {
        return relativeAllowance;
    }

    /** The growth always allowed, in the metric's unit, however small the mean. */
    public long absoluteAllowance() {
        return absoluteAllowance;
    }

    /** This metric's value in {@code sample}. */
    public long of(Sample sample) {
        return value.applyAsLong(sample);
    }

    /** {@code amount} in the metric's unit, for people: MiB for bytes, a plain number otherwise. */
    public String format(double amount) {
        return bytes ? String.format("%.1f MiB", amount / (1 << 20)) : String.format("%.1f", amount);
    }
}
