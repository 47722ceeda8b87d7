package dev.weft.http.filters;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger for tests that queues every INFO line with the MDC it was logged under. */
final class RecordingLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    /** One logged line. */
    record Line(String message, Map<String, String> mdc) {
    }

    private final transient BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    RecordingLogger() {
        this.name = "test-access";
    }

    /** The next line logged, waiting at most {@code timeout}; fails when none comes. */
    Line next(Duration timeout) throws InterruptedException {
        Line line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line logged within " + timeout);
        }
        return line;
    }

    /** Whether nothing more was logged. */
    boolean isEmpty() {
        return lines.isEmpty();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        lines.add(new Line(MessageFormatter.basicArrayFormat(pattern, arguments), mdc == null ? Map.of() : mdc));
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
