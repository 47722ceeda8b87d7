package dev.weft.http.internal.h2;

import dev.weft.core.Connection;
import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine's {@link Wire} over a core {@link Connection} (plain or TLS): reads and writes go
 * straight to it, helper threads are the server's ({@link Connection#startThread}), so a stopping
 * server counts, closes and awaits them like the connection's own.
 *
 * <p>The engine keeps its own clock — idle connections, unacknowledged {@code SETTINGS}, stuck
 * streams, the end of a graceful stop — and a long request may legitimately leave the client
 * with nothing to send, so the core's read timeout, which closes the connection, is set out of
 * the way ({@link #READ_TIMEOUT}). Writes keep the server's write timeout: a client that does not
 * read has its connection closed.
 */
public final class ConnectionWire implements Wire {

    /**
     * The core read timeout on an HTTP/2 connection: a backstop far beyond every deadline the
     * engine keeps itself ({@link dev.weft.http.Http2Config#idleTimeout()} and the others).
     */
    static final Duration READ_TIMEOUT = Duration.ofDays(1);

    private final Connection connection;

    /**
     * Adapts {@code connection}, and sets its read timeout to {@link #READ_TIMEOUT}.
     *
     * @param connection the connection, from its own thread
     */
    public ConnectionWire(Connection connection) {
        this.connection = connection;
        connection.readTimeout(READ_TIMEOUT);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return connection.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        connection.write(buffer, offset, length);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public Optional<TlsInfo> tls() {
        return connection.tls();
    }

    @Override
    public Thread startThread(String suffix, Runnable task) {
        return connection.startThread(suffix, task);
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
