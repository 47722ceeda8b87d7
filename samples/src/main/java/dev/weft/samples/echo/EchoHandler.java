package dev.weft.samples.echo;

import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import jakarta.inject.Inject;
import java.io.IOException;

/** Writes back every byte it reads, until the peer closes; then half-closes in turn. */
public final class EchoHandler implements ConnectionHandler {

    /** The chunk read and written back at a time. */
    static final int CHUNK_BYTES = 8_192;

    /** Creates the handler. */
    @Inject
    public EchoHandler() {
    }

    @Override
    public void handle(Connection connection) throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        int n;
        while ((n = connection.read(buffer, 0, buffer.length)) > 0) {
            connection.write(buffer, 0, n);
            connection.flush();
        }
        connection.shutdownOutput();
    }
}
