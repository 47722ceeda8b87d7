package dev.weft.loadtest.engine;

import dev.weft.core.ThreadMode;
import java.io.IOException;
import dev.weft.loadtest.Labelled;
import java.util.List;

/** The engines under test, by the name used on the command line and in the report. */
public enum EngineKind implements Labelled {
    /** Weft, one virtual thread per connection (the default engine). */
    WEFT_VIRTUAL("weft-virtual"),
    /** Weft, the same code with one platform thread per connection. */
    WEFT_PLATFORM("weft-platform"),
    /** A {@code java.nio} selector reactor, one loop per core. */
    REACTOR("reactor"),
    /** Netty, epoll where its native library loads, else NIO. */
    NETTY("netty");

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether this engine runs Weft's UDP relay. Only the virtual-thread engine does: the relay
     * has no thread mode, and the contrast engines have no relay, so the fan-out scenario
     * measures Weft's relay once.
     */
    public boolean runsUdpRelay() {
        return this == WEFT_VIRTUAL;
    }

    /**
     * The JVM options this engine is run with beyond the ones all engines share: Netty gets what
     * its own documentation and benchmarks use, so it is measured at its best — access to
     * {@code sun.nio.ch} (its array-backed selected-key set instead of the JDK's hash set) and
     * {@code java.nio} (direct buffers without cleaners), and on Java 23 and later
     * {@code --sun-misc-unsafe-memory-access=allow}, without which Netty 4.2 turns its use of
     * {@code Unsafe} off on Java 24 and later.
     *
     * @param javaFeatureVersion the feature version of the JVM that will run the engine
     */
    public List<String> jvmOptions(int javaFeatureVersion) {
        if (this != NETTY) {
            return List.of();
        }
        List<String> options = new java.util.ArrayList<>(List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"));
        if (javaFeatureVersion >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    /** Starts this engine; returns once it listens. */
    public Engine start(EngineOptions options) throws IOException {
        return switch (this) {
            case WEFT_VIRTUAL -> WeftEngine.start(this, ThreadMode.VIRTUAL, options);
            case WEFT_PLATFORM -> WeftEngine.start(this, ThreadMode.PLATFORM, options);
            case REACTOR -> ReactorEngine.start(options);
            case NETTY -> NettyEngine.start(options);
        };
    }

    /**
     * The EngineKind with the given label.
     *
     * @throws IllegalArgumentException naming the known labels
     */
    public static EngineKind byLabel(String label) {
        return Labelled.byLabel(EngineKind.class, label);
    }

    /** All labels, in order. */
    public static List<String> labels() {
        return Labelled.labels(EngineKind.class);
    }
}
