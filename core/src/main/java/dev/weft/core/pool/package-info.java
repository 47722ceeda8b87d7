/**
 * A client-side pool of TCP connections to one address, for protocols that can reuse a
 * connection for several exchanges (HTTP/1.1 keep-alive upstreams, database-style protocols).
 *
 * <p>A {@link dev.weft.core.pool.ConnectionPool} bounds how many connections exist at once,
 * makes a caller wait at most the acquire timeout for one, evicts connections that stayed idle
 * too long, validates an idle connection before handing it out again (closed by the peer, or
 * holding unread bytes, means it is discarded) and never reuses a connection on which an I/O
 * error was seen. Threading contract: {@code acquire} blocks the calling thread (made for
 * virtual threads); a {@link dev.weft.core.pool.PooledConnection} belongs to one thread at a
 * time, between {@code acquire} and {@code close}. Connections may speak TLS
 * ({@link dev.weft.core.pool.PoolConfig#tls()}), host names verified by default; the handshake
 * runs in {@code acquire}, on the caller's thread.
 *
 * <p>Not here: what is spoken over the connection (see {@code dev.weft.http} for the reverse
 * proxy that uses this pool) and server-side connections ({@code dev.weft.core}).
 */
package dev.weft.core.pool;
