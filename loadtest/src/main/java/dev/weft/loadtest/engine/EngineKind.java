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
