/**
 * The TLS machinery under a TLS connection: the blocking record layer ({@link
 * dev.weft.core.internal.tls.TlsTransport}, an {@code SSLEngine} driven by blocking reads and
 * writes on the connection's own virtual thread), the reloadable server context that makes an
 * engine per accepted connection ({@link dev.weft.core.internal.tls.ServerTlsContext}) and the
 * thread that reloads it when its files change, the client context for outgoing connections,
 * and the loading and checking of PEM and PKCS#12 files behind them.
 *
 * <p>Threading contract: a transport has one reader (the connection's thread) and writers that
 * hold the connection's write lock; contexts and counters are safe to share.
 *
 * <p>Not exported from the module: the public face of TLS is {@code dev.weft.core.tls}
 * (configuration, session information, metrics), and any of this may change.
 */
package dev.weft.core.internal.tls;
