package dev.weft.loadtest.report;

import java.time.Duration;
import java.util.Objects;

/**
 * One start of an engine process: how long from launching its JVM until every one of its
 * services listened (the {@code READY} line), and its resident memory at that moment, before any
 * traffic. Every engine runs with the same JVM options; what differs is the server and how many
 * services it starts.
 *
 * @param engine   the engine's label
 * @param services the services it started, as listed in its {@code READY} line
 * @param startUp  from launching the JVM to the {@code READY} line
 * @param rssBytes the process's resident memory ({@code VmRSS}) right after {@code READY}
 */
public record EngineStart(String engine, String services, Duration startUp, long rssBytes) {

    /** Checks every component. */
    public EngineStart {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(startUp, "startUp");
        if (rssBytes < 0) {
            throw new IllegalArgumentException("rssBytes must be >= 0: " + rssBytes);
        }
    }
}
