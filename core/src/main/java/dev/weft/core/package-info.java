/**
 * The thread-per-connection TCP engine.
 *
 * <p>A {@link dev.weft.core.TcpServer} accepts connections and runs one thread per client —
 * a virtual thread by default — that executes a {@link dev.weft.core.ConnectionHandler}: plain
 * blocking code that reads from and writes to a {@link dev.weft.core.Connection}. When the
 * handler returns or throws, the engine (never the handler) closes the socket, removes the
 * client from the shared {@link dev.weft.core.ClientRegistry} and counts it in
 * {@link dev.weft.core.ServerMetrics}.
 *
 * <p>Threading contract: a handler runs on its connection's own thread and may block freely.
 * Reads on a connection belong to that thread; writes may come from any thread and are
 * serialised by a lock (never {@code synchronized}, which would pin a virtual thread's carrier
 * on Java 21). {@link dev.weft.core.Client#send(byte[])} never blocks the caller: messages are
 * queued per client and a client that cannot keep up is disconnected.
 *
 * <p>Not here: protocol framing (HTTP lives in {@code dev.weft.http}, datagrams in
 * {@code dev.weft.udp}) and Dagger wiring ({@code dev.weft.core.inject}).
 */
package dev.weft.core;
