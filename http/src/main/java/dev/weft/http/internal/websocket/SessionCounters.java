package dev.weft.http.internal.websocket;

import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to the WebSocket sessions of one server, counted: every outcome that ends a
 * session abnormally has its counter, so it can be seen without reading logs.
 */
public final class SessionCounters {

    /** All counters at zero. */
    public SessionCounters() {
    }

    /** Sessions that started (handshake done). */
    public final LongAdder opened = new LongAdder();
    /** Sessions whose connection is closed and resources released. */
    public final LongAdder ended = new LongAdder();
    /** Sessions closed with 1008 because their outbound queue overflowed. */
    public final LongAdder slowPeers = new LongAdder();
    /** Sessions failed because the peer broke the protocol or a limit (1002, 1007, 1009). */
    public final LongAdder protocolFailures = new LongAdder();
    /** Sessions closed because a keep-alive ping went unanswered. */
    public final LongAdder pongTimeouts = new LongAdder();
    /** Sessions closed because nothing arrived within the idle timeout. */
    public final LongAdder idleTimeouts = new LongAdder();
    /** Connections cut because the peer did not complete the closing handshake in time. */
    public final LongAdder closeTimeouts = new LongAdder();
    /** Sessions whose endpoint threw (closed with 1011). */
    public final LongAdder endpointFailures = new LongAdder();
}
