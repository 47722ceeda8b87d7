/**
 * The machinery behind {@link dev.weft.core.TcpServer}: the accept loop, the per-connection
 * runner, buffered socket I/O, per-client outbound queues, the write-timeout watchdog and the
 * thread tracking that lets {@code stop()} guarantee no server thread outlives it.
 *
 * <p>Not exported from the module: nothing here is API, and any of it may change.
 */
package dev.weft.core.internal;
