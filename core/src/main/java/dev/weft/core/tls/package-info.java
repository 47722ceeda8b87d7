/**
 * TLS for Weft's servers and clients, terminated by the JDK's TLS engine on each connection's own
 * virtual thread: the handshake and every record are plain blocking code, with no callbacks.
 *
 * <p>{@link dev.weft.core.tls.TlsConfig} says how a server speaks TLS (certificates from PEM
 * files or PKCS#12, chosen by SNI host name; TLS 1.3 and 1.2 with a modern cipher list; ALPN;
 * mutual TLS; a handshake deadline) and {@link dev.weft.core.tls.TlsClientConfig} how a client
 * does (host names verified by default). Files are checked when a server starts, with errors that
 * name the file and the problem, and reloaded without a restart when they change: new
 * handshakes use the new certificate, live connections keep theirs, and a bad file is refused
 * while the old certificate stays ({@link dev.weft.core.tls.ReloadResult}).
 *
 * <p>A handler reads what its connection agreed from {@link dev.weft.core.tls.TlsInfo}; a server
 * counts handshakes completed and failed by {@link dev.weft.core.tls.HandshakeFailure} reason in
 * {@link dev.weft.core.tls.TlsMetrics}. Everything here is an immutable value and safe to share
 * between threads.
 *
 * <p>Not here: the TLS record layer itself, key managers and the file watcher are engine
 * internals ({@code dev.weft.core.internal.tls}); making self-signed development certificates
 * needs a certificate builder the JDK does not expose, so it lives with the samples.
 */
package dev.weft.core.tls;
