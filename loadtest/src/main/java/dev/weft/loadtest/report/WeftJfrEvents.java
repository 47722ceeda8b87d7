package dev.weft.loadtest.report;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Weft's own JFR events, by name — off unless a recording asks for them — and the recording
 * option that asks for them. {@code core} and {@code http} define the event classes; the load
 * test knows only the names and fields, so it reads any recording, with or without them.
 */
public final class WeftJfrEvents {

    /** A connection was accepted. */
    public static final String CONNECTION_OPENED = "dev.weft.ConnectionOpened";
    /** A connection ended; its duration, when the event spans the connection, is its lifetime. */
    public static final String CONNECTION_CLOSED = "dev.weft.ConnectionClosed";
    /** An HTTP request was answered; fields {@code method}, {@code route}, {@code status}; the event's duration. */
    public static final String REQUEST_SERVED = "dev.weft.RequestServed";
    /** Every name, in report order. */
    public static final List<String> NAMES = List.of(CONNECTION_OPENED, CONNECTION_CLOSED, REQUEST_SERVED);

    private WeftJfrEvents() {
    }

    /**
     * The JVM option that records a CPU and allocation profile into {@code file} with Weft's
     * events switched on ({@code +name#enabled=true}, which JFR applies when the event class
     * registers, so it is harmless for an engine that has none).
     */
    public static String startFlightRecording(Path file) {
        return "-XX:StartFlightRecording=settings=profile,"
                + NAMES.stream().map(name -> "+" + name + "#enabled=true").collect(Collectors.joining(","))
                + ",filename=" + file.toAbsolutePath();
    }
}
