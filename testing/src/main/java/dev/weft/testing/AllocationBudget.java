package dev.weft.testing;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Asserts that a piece of code allocates at most a given number of heap bytes on the calling
 * thread — the way a fuzz test proves that a decoder does not allocate in proportion to a length
 * an attacker <em>claims</em> ({@code Content-Length: 9999999999}, a chunk size of
 * {@code ffffffff}, a frame length prefix) rather than to the bytes it was actually given.
 *
 * <pre>{@code
 * AllocationBudget.assertWithin(AllocationBudget.forInput(input.length), () -> parser.parse(input));
 * }</pre>
 *
 * <p>It reads the thread's allocation counter ({@code com.sun.management.ThreadMXBean}) before
 * and after the action, so it only counts the calling thread, which must be a platform thread
 * (the counter is not kept for virtual threads). The first run of a code path may also allocate
 * for class loading and initialisation; when the first measurement is over the budget the action
 * is run and measured once more, and only that second figure is held against the budget — the
 * action must therefore be repeatable (a parser over an unchanged input is).
 */
public final class AllocationBudget {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    /** The fixed part of {@link #forInput(int)}, in bytes. */
    public static final long FIXED_BYTES = 1 << 20;
    /** The part of {@link #forInput(int)} per input byte. */
    public static final long BYTES_PER_INPUT_BYTE = 256;

    private AllocationBudget() {
    }

    /**
     * The budget of a decoder given {@code inputBytes} bytes: {@link #FIXED_BYTES} plus
     * {@link #BYTES_PER_INPUT_BYTE} per input byte. Generous, because a fuzzer's instrumentation
     * allocates on the measured thread too (its hooks on string comparisons record operands), yet
     * orders of magnitude below what a decoder allocates when it trusts a claimed length: a
     * 4 KiB input gets 2 MiB, while {@code Content-Length: 2000000000} would take 2 GB.
     *
     * @param inputBytes the size of the input
     * @return the budget, in bytes
     */
    public static long forInput(int inputBytes) {
        return FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputBytes;
    }

    /**
     * Runs {@code action} and fails if it allocated more than {@code maxBytes} on this thread.
     *
     * @param maxBytes the budget, in bytes
     * @param action   what to measure; it may throw an unchecked exception, which is rethrown
     *                 after the measurement (an exception is not a way around the budget)
     * @param <T>      the action's result
     * @return the action's result
     * @throws AssertionError if the action allocated more than {@code maxBytes} twice in a row
     */
    public static <T> T assertWithin(long maxBytes, Supplier<T> action) {
        Measured<T> first = measure(action);
        if (first.bytes() <= maxBytes) {
            return first.resultOrThrow();
        }
        Measured<T> second = measure(action);
        if (second.bytes() > maxBytes) {
            throw new AssertionError("allocated " + second.bytes() + " bytes, the budget is " + maxBytes
                    + " (first run: " + first.bytes() + ")");
        }
        return second.resultOrThrow();
    }

    /**
     * Measures the heap bytes {@code action} allocates on the calling thread.
     *
     * @param action what to measure
     * @return the bytes allocated, whatever the action returned or threw
     */
    public static long bytesAllocatedBy(Runnable action) {
        return measure(() -> {
            action.run();
            return null;
        }).bytes();
    }

    private static <T> Measured<T> measure(Supplier<T> action) {
        long before = allocatedSoFar();
        try {
            T result = action.get();
            return new Measured<>(result, null, allocatedSoFar() - before);
        } catch (RuntimeException e) {
            return new Measured<>(null, e, allocatedSoFar() - before);
        }
    }

    private static long allocatedSoFar() {
        long bytes = THREADS.getCurrentThreadAllocatedBytes();
        if (bytes < 0) {
            throw new IllegalStateException("no allocation counter for " + Thread.currentThread()
                    + " (virtual threads have none; measure on a platform thread)");
        }
        return bytes;
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    /** One measurement: the result or the exception, and the bytes allocated. */
    private record Measured<T>(T result, RuntimeException failure, long bytes) {

        T resultOrThrow() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
