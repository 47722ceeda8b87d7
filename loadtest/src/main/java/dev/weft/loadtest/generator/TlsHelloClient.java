package dev.weft.loadtest.generator;

import dev.weft.loadtest.tls.ClientTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** HTTPS keep-alive {@code GET /hello}: a full TLS handshake on open, then {@link HelloClient}'s round trips. */
final class TlsHelloClient implements ProtocolClient {

    private final ClientTls tls;
    private final HelloClient hello = new HelloClient(1);

    TlsHelloClient(ClientTls tls) {
        this.tls = tls;
    }

    @Override
    public Socket open(Socket connected) throws IOException {
        return tls.handshake(connected);
    }

    @Override
    public void roundTrip(InputStream in, OutputStream out) throws IOException {
        hello.roundTrip(in, out);
    }
}
