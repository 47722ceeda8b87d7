package dev.weft.loadtest.matrix;

import dev.weft.loadtest.Labelled;
import dev.weft.loadtest.engine.Service;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios of the matrix, by the name used on the command line and in the report, each
 * with the {@link Service} it needs from an engine and the external instrument it needs, if any.
 */
public enum Scenario implements Labelled {
    /** TCP echo, 64-byte messages, closed loop, concurrency sweep. */
    ECHO("echo", Service.ECHO),
    /** HTTP/1.1 keep-alive {@code GET /hello}, closed loop, concurrency sweep. */
    HTTP("http", Service.HTTP),
    /** HTTP/1.1 {@code GET /hello} pipelined 16 deep, closed loop, concurrency sweep. */
    PIPELINED("pipelined", Service.HTTP),
    /** HTTP {@code GET /hello} at fixed rates (open loop, corrected for coordinated omission). */
    OPEN_LOOP("open-loop", Service.HTTP),
    /** Connect, one echo round trip, close: connections per second. */
    CHURN("churn", Service.ECHO),
    /** HTTPS keep-alive {@code GET /hello}, TLS 1.3 and 1.2 (one cipher each), concurrency sweep. */
    HTTPS("https", Service.HTTPS),
    /** A new TLS connection (full handshake, no resumption) per {@code GET /hello}: handshakes per second. */
    TLS_CONNECT("tls-connect", Service.HTTPS),
    /** WebSocket echo of 64-byte binary messages, closed loop, at 64 and 1,000 sessions. */
    WEBSOCKET("ws", Service.WEBSOCKET),
    /** {@code h2load} {@code GET /hello} over h2c with 1, 10 and 100 streams per connection. */
    H2("h2", Service.H2C),
    /** Idle keep-alive HTTP connections held: memory and threads per connection. */
    IDLE("idle", Service.HTTP),
    /** One sender, N receivers in one room of Weft's UDP relay: deliveries per second. */
    UDP_FANOUT("udp-fanout", Service.UDP_RELAY),
    /** UDP echo of 64-byte datagrams from N client sockets, a few datagrams in flight each. */
    UDP_ECHO("udp-echo", Service.UDP_ECHO),
    /** {@code wrk} against {@code GET /hello}, keep-alive and pipelined: the independent instrument. */
    WRK("wrk", Service.HTTP);

    private final String label;
    private final Service service;

    Scenario(String label, Service service) {
        this.label = label;
        this.service = service;
    }

    @Override
    public String label() {
        return label;
    }

    /** The service an engine must run for this scenario to have a meaning. */
    public Service service() {
        return service;
    }

    /** The external program this scenario drives ({@code wrk}, {@code h2load}); empty for the Java generator. */
    public Optional<String> instrument() {
        return switch (this) {
            case WRK -> Optional.of("wrk");
            case H2 -> Optional.of("h2load");
            default -> Optional.empty();
        };
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
