package dev.weft.loadtest.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where and how a run happened, for the report's header.
 *
 * @param started      when it started
 * @param elapsed      how long it took
 * @param profile      {@code quick} or {@code full}
 * @param engines      each engine's label and its description (version, codecs, JVM options)
 * @param transports   each engine's label and how it waits for sockets (epoll, NIO, virtual threads + JDK poller, ...)
 * @param instruments  one line per external instrument: what was used, or why not
 */
public record RunInfo(Instant started, Duration elapsed, String profile, Map<String, String> engines,
                      Map<String, String> transports, List<String> instruments) {

    /** Validates. */
    public RunInfo {
        engines = Map.copyOf(engines);
        transports = Map.copyOf(transports);
        instruments = List.copyOf(instruments);
    }

    /** The machine and JDK, in one line. */
    public String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", JDK "
                + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")";
    }
}
