package dev.weft.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One connection's side of a {@link Protocol}; used by one thread at a time. */
public interface ProtocolClient {

    /**
     * Sends one round trip's requests and reads all their responses.
     *
     * @throws UnexpectedResponseException when the server answers something else
     * @throws java.net.SocketTimeoutException when an answer does not come in time
     * @throws IOException when the connection fails
     */
    void roundTrip(InputStream in, OutputStream out) throws IOException;
}
