package dev.weft.core;

import java.net.InetSocketAddress;

/**
 * A policy the acceptor consults for every accepted connection, before the connection budget
 * and before any thread is started: for example a limit on new connections per second, or on
 * concurrent connections, per client address (see {@code dev.weft.core.limit.PerAddressAdmission}).
 *
 * <p><b>Contract.</b> {@link #admit} is called on the acceptor thread, so it must be fast and
 * must not block. A refused connection is closed at once (the peer reads end-of-stream) and
 * counted in {@link ServerMetrics#rejected()}. For every connection admitted, the engine calls
 * {@link #release} exactly once, with the same address, when that connection is over — whether
 * it was served or failed before its thread started. Both methods may be called concurrently.
 */
public interface ConnectionAdmission {

    /**
     * Decides whether to serve a connection from {@code remote}.
     *
     * @param remote the peer's address
     * @return true to serve it, false to close it at once
     */
    boolean admit(InetSocketAddress remote);

    /**
     * A connection admitted from {@code remote} is over.
     *
     * @param remote the peer's address, as given to {@link #admit}
     */
    void release(InetSocketAddress remote);

    /** {@return the default: every connection is admitted, and nothing is tracked} */
    static ConnectionAdmission admitAll() {
        return AdmitAll.INSTANCE;
    }
}
