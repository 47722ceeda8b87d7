package dev.weft.samples.echo;

import dev.weft.core.BufferedInput;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Writes back every byte it reads, until the peer closes; then half-closes in turn.
 *
 * <p>It reads with {@link BufferedInput#readSome(int)}, which waits with a small buffer and hands
 * out what arrived in an array of its own: an idle echo client costs little more than its parked
 * virtual thread.
 */
public final class EchoHandler implements ConnectionHandler {

    /** The chunk read and written back at a time. */
    static final int CHUNK_BYTES = 8_192;

    /** Creates the handler. */
    @Inject
    public EchoHandler() {
    }

    @Override
    public void handle(Connection connection) throws IOException {
        BufferedInput in = new BufferedInput(connection, CHUNK_BYTES);
        byte[] chunk;
        while ((chunk = in.readSome(CHUNK_BYTES)) != null) {
            connection.write(chunk);
        }
        connection.shutdownOutput();
    }
}
