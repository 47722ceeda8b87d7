package dev.weft.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One connection's side of a {@link Protocol}; used by one thread at a time. */
public interface ProtocolClient {

    /**
     * Makes a freshly connected socket ready for round trips — a TLS handshake, a WebSocket
     * upgrade — and returns the socket to use from then on (closing it closes {@code connected}).
     * Plain protocols return {@code connected} itself.
     *
     * @throws UnexpectedResponseException when the server refuses the upgrade
     * @throws IOException when the connection fails
     */
    default Socket open(Socket connected) throws IOException {
        return connected;
    }

    /**
     * Sends one round trip's requests and reads all their responses.
     *
     * @throws UnexpectedResponseException when the server answers something else
     * @throws java.net.SocketTimeoutException when an answer does not come in time
     * @throws IOException when the connection fails
     */
    void roundTrip(InputStream in, OutputStream out) throws IOException;
}
