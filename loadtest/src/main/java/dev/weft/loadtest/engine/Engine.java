package dev.weft.loadtest.engine;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A running engine under test: one listener per {@link Service} it serves, each on its own port.
 * Closing it stops them all and releases every thread it started.
 */
public interface Engine extends AutoCloseable {

    /** Which engine this is. */
    EngineKind kind();

    /** The port of every service this engine runs; exactly {@link EngineKind#services()}. */
    Map<Service, Integer> ports();

    /** The port of {@code service}, or empty when this engine does not serve it. */
    default OptionalInt port(Service service) {
        Integer port = ports().get(service);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /**
     * How the engine waits for sockets, in a few words for the report: {@code "native epoll"},
     * {@code "virtual thread per connection + JDK poller"}, ...
     */
    String transport();

    /** A line saying what the engine is and how it runs (version, threads, codecs), for the report. */
    String description();

    /** Stops the engine. */
    @Override
    void close();
}
