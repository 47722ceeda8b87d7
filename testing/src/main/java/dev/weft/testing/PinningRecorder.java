package dev.weft.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a virtual thread pinned its carrier thread while the test ran.
 *
 * <p>Use it as an extension — {@code @ExtendWith(PinningRecorder.class)} — or directly:
 *
 * <pre>{@code
 * try (PinningRecorder recorder = PinningRecorder.start()) {
 *     exerciseTheServer();
 *     recorder.assertNoPinning();
 * }
 * }</pre>
 *
 * <p>It streams the JFR event {@code jdk.VirtualThreadPinned} with stack traces. Only pins that
 * last at least the threshold (default 20 ms, the JDK's own default) count: shorter ones are
 * the JDK's internal, harmless kind. Pins of the JDK's own I/O poller threads, which are
 * pinned by design, are ignored, and so are waits for another thread to initialise a JDK class
 * (a one-time cost on first use) and pins inside the JDK's own critical sections (class loading
 * under contention). {@link #stop()} waits until every recorded event has been
 * delivered, so the verdict does not depend on timing.
 */
public final class PinningRecorder implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** The default threshold: pins shorter than this are ignored. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(20);

    private static final String EVENT = "jdk.VirtualThreadPinned";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PinningRecorder.class);

    private final ConcurrentLinkedQueue<String> pins = new ConcurrentLinkedQueue<>();
    private RecordingStream stream;

    /** For JUnit's {@code @ExtendWith}; recording starts before each test. */
    public PinningRecorder() {
    }

    /**
     * Starts recording with the {@linkplain #DEFAULT_THRESHOLD default threshold}.
     *
     * @return the recorder, recording
     */
    public static PinningRecorder start() {
        return start(DEFAULT_THRESHOLD);
    }

    /**
     * Starts recording pins that last at least {@code threshold}.
     *
     * @param threshold the shortest pin recorded
     * @return the recorder, recording
     */
    public static PinningRecorder start(Duration threshold) {
        PinningRecorder recorder = new PinningRecorder();
        recorder.begin(threshold);
        return recorder;
    }

    private void begin(Duration threshold) {
        RecordingStream s = new RecordingStream();
        s.enable(EVENT).withThreshold(threshold).withStackTrace();
        s.onEvent(EVENT, event -> {
            String reason = reason(event);
            if (!isJdkPoller(event) && !waitedForJdkClassInitialisation(reason) && !inJdkCriticalSection(reason)) {
                pins.add(describe(event));
            }
        });
        s.startAsync();
        stream = s;
    }

    /**
     * Stops recording, after every recorded event has been delivered.
     *
     * @return the pins seen, each described with its stack
     */
    public List<String> stop() {
        RecordingStream s = stream;
        if (s != null) {
            stream = null;
            s.stop();
            s.close();
        }
        return new ArrayList<>(pins);
    }

    /** Stops recording and throws an {@link AssertionError} listing every pin, if there was one. */
    public void assertNoPinning() {
        List<String> seen = stop();
        if (!seen.isEmpty()) {
            throw new AssertionError(seen.size() + " virtual thread(s) pinned their carrier:\n"
                    + String.join("\n", seen));
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        PinningRecorder recorder = start();
        context.getStore(NAMESPACE).put(PinningRecorder.class, recorder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PinningRecorder recorder = context.getStore(NAMESPACE).remove(PinningRecorder.class, PinningRecorder.class);
        if (recorder != null) {
            recorder.assertNoPinning();
        }
    }

    /**
     * Whether the event comes from the JDK's own I/O poller. Since JDK 22 the pollers that
     * wake virtual threads blocked on sockets can themselves be virtual threads, pinned by
     * design while they wait in {@code epoll_wait}; on a loaded machine such a wait exceeds any
     * threshold. It is not a pin of the code under test.
     */
    private static boolean isJdkPoller(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace == null) {
            return false;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod().getType().getName().equals("sun.nio.ch.Poller")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a virtual thread was pinned only because it waited for another thread to finish
     * initialising a JDK class — on first use, once per JVM, for example the I/O poller when the
     * first sockets block at the same time. The JDK's own one-time cost, not a pin of the code
     * under test; a wait for an application class still counts.
     */
    static boolean waitedForJdkClassInitialisation(String reason) {
        String prefix = "Waited for initialization of ";
        if (!reason.startsWith(prefix) || !reason.endsWith(" by another thread")) {
            return false;
        }
        String type = reason.substring(prefix.length());
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("sun.")
                || type.startsWith("jdk.") || type.startsWith("com.sun.");
    }

    /**
     * Whether the JVM could not unmount the thread because it was inside one of the JDK's own
     * critical sections ({@code freeze_pinned_cs}, code 2, reported as "Freeze or preempt failed
     * (2)"): class loading and resolution under contention enter them, on first use of a class by
     * several virtual threads at once. Application code cannot enter such a section; since
     * JDK 24 a contended {@code synchronized} unmounts instead of pinning.
     */
    static boolean inJdkCriticalSection(String reason) {
        return reason.equals("Freeze or preempt failed (2)");
    }

    /** The JDK's reason for the pin (JDK 24+), or the empty string. */
    private static String reason(RecordedEvent event) {
        return event.hasField("pinnedReason") ? event.getString("pinnedReason") : "";
    }

    private static String describe(RecordedEvent event) {
        StringBuilder text = new StringBuilder("pinned for ").append(event.getDuration().toMillis()).append(" ms");
        if (event.getThread() != null) {
            text.append(" on ").append(event.getThread().getJavaName());
        }
        if (!reason(event).isEmpty()) {
            text.append(" (").append(reason(event)).append(')');
        }
        RecordedStackTrace trace = event.getStackTrace();
        if (trace != null) {
            for (RecordedFrame frame : trace.getFrames()) {
                text.append("\n    at ").append(frame.getMethod().getType().getName()).append('.')
                        .append(frame.getMethod().getName()).append(" line ").append(frame.getLineNumber());
            }
        }
        return text.toString();
    }
}
