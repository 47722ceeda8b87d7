package dev.weft.loadtest.engine;

import dev.weft.loadtest.Labelled;

/** What an engine can serve, each on a port of its own; a scenario needs exactly one of them. */
public enum Service implements Labelled {
    /** TCP echo: every byte read is written back. */
    ECHO("echo"),
    /** HTTP/1.1 {@code GET /hello} answered with {@link HelloResponse}'s bytes. */
    HTTP("http"),
    /** The same over TLS ({@link dev.weft.loadtest.tls.TlsSuite}: TLS 1.3 and 1.2, one cipher each). */
    HTTPS("https"),
    /** WebSocket echo at {@code /ws}: every data message is sent back as it came. */
    WEBSOCKET("ws"),
    /** HTTP/2 over cleartext with prior knowledge (h2c): {@code GET /hello}. */
    H2C("h2c"),
    /** Weft's UDP chat relay (the fan-out scenario). */
    UDP_RELAY("udp"),
    /** UDP echo: every datagram is sent back to its sender as it came. */
    UDP_ECHO("udp-echo");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The Service with the given label.
     *
     * @throws IllegalArgumentException naming the known labels
     */
    public static Service byLabel(String label) {
        return Labelled.byLabel(Service.class, label);
    }
}
