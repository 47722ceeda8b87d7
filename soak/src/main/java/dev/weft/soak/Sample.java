package dev.weft.soak;

import java.time.Duration;

/**
 * One observation of the server process.
 *
 * @param elapsed          time since the load started
 * @param rssBytes         resident set size ({@code VmRSS} of {@code /proc/<pid>/status})
 * @param heapAfterGcBytes heap in use right after a full collection ({@code jcmd GC.run}, then
 *                         {@code GC.heap_info}): the live set, what a leak makes grow
 * @param threads          the process's operating-system threads ({@code Threads} of
 *                         {@code /proc/<pid>/status}); virtual threads are not among them, a
 *                         leaked one shows as heap instead
 * @param descriptors      open file descriptors (entries of {@code /proc/<pid>/fd})
 */
public record Sample(Duration elapsed, long rssBytes, long heapAfterGcBytes, long threads, long descriptors) {
}
