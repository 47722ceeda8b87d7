package dev.weft.loadtest.matrix;

import dev.weft.loadtest.Labelled;
import java.util.List;

/** The scenarios of the matrix, by the name used on the command line and in the report. */
public enum Scenario implements Labelled {
    /** TCP echo, 64-byte messages, closed loop, concurrency sweep. */
    ECHO("echo"),
    /** HTTP/1.1 keep-alive {@code GET /hello}, closed loop, concurrency sweep. */
    HTTP("http"),
    /** HTTP/1.1 {@code GET /hello} pipelined 16 deep, closed loop, concurrency sweep. */
    PIPELINED("pipelined"),
    /** HTTP {@code GET /hello} at fixed rates (open loop, corrected for coordinated omission). */
    OPEN_LOOP("open-loop"),
    /** Connect, one echo round trip, close: connections per second. */
    CHURN("churn"),
    /** Idle keep-alive connections held: memory and threads per connection. */
    IDLE("idle"),
    /** One sender, N receivers in one room of Weft's UDP relay: deliveries per second. */
    UDP_FANOUT("udp-fanout"),
    /** {@code wrk} against the HTTP server, as an external cross-check of the generator. */
    WRK("wrk");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The Scenario with the given label.
     *
     * @throws IllegalArgumentException naming the known labels
     */
    public static Scenario byLabel(String label) {
        return Labelled.byLabel(Scenario.class, label);
    }

    /** All labels, in order. */
    public static List<String> labels() {
        return Labelled.labels(Scenario.class);
    }
}
