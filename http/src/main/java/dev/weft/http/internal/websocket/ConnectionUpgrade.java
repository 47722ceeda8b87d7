package dev.weft.http.internal.websocket;

import dev.weft.core.Connection;
import java.io.IOException;

/**
 * The {@link UpgradedConnection} of a session on one of core's connections: reads and writes go
 * to the connection, so the server's write timeout cuts a peer that stops reading (which frees
 * the session's writer thread), and the connection's read timeout is a backstop behind the
 * session's own idle, pong and close deadlines. Core's connection writes unbuffered, and the
 * session's writer already hands over whole frames, so nothing is buffered here.
 */
public final class ConnectionUpgrade implements UpgradedConnection {

    private final Connection connection;

    /**
     * Wraps a connection.
     *
     * @param connection the connection that answered {@code 101 Switching Protocols}
     */
    public ConnectionUpgrade(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return connection.read(b, off, len);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        connection.write(b, off, len);
    }

    @Override
    public void shutdownOutput() throws IOException {
        connection.shutdownOutput();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
