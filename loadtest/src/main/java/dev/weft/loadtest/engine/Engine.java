package dev.weft.loadtest.engine;

import java.util.OptionalInt;

/**
 * A running engine under test: an echo server and, where the engine has one, an HTTP server
 * answering {@code GET /hello} with {@link HelloResponse}. Closing it stops both and releases
 * every thread it started.
 */
public interface Engine extends AutoCloseable {

    /** Which engine this is. */
    EngineKind kind();

    /** The port of the echo server. */
    int echoPort();

    /** The port of the HTTP server, or empty when this engine serves no HTTP. */
    OptionalInt httpPort();

    /**
     * The port of a Weft UDP relay run by this engine, or empty when it has none (only Weft's
     * engines have one: the fan-out scenario measures the relay, not a contrast).
     */
    default OptionalInt udpPort() {
        return OptionalInt.empty();
    }

    /** A line saying how the engine runs (transport, threads), for the report. */
    String description();

    /** Stops the engine. */
    @Override
    void close();
}
