package dev.weft.loadtest.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The generator's side of TLS: one {@link TlsSuite}, a server certificate accepted without
 * checking (the engine generated it a moment ago; authenticating it is not what is measured),
 * and <em>no session resumption</em>: every connection gets a peer key of its own, so the JDK's
 * client session cache never offers a session and every new connection is a full handshake —
 * what the new-connections scenario measures.
 */
public final class ClientTls {

    private final TlsSuite suite;
    private final SSLSocketFactory factory;
    private final AtomicInteger peerKeys = new AtomicInteger();

    private ClientTls(TlsSuite suite, SSLSocketFactory factory) {
        this.suite = suite;
        this.factory = factory;
    }

    /** A client offering only {@code suite}'s version and cipher. */
    public static ClientTls of(TlsSuite suite) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509ExtendedTrustManager[] {new AcceptAny()}, null);
            return new ClientTls(suite, context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS context", e);
        }
    }

    /** The suite offered. */
    public TlsSuite suite() {
        return suite;
    }

    /**
     * Layers TLS over the connected {@code plain} socket and completes the handshake; closing the
     * result closes {@code plain}.
     */
    public SSLSocket handshake(Socket plain) throws IOException {
        // The session cache is keyed by (host, port); a port hint of its own per connection
        // means no cached session is ever found, so no handshake is a resumption.
        int peerKey = 1 + Math.floorMod(peerKeys.getAndIncrement(), 65_535);
        SSLSocket socket = (SSLSocket) factory.createSocket(plain, "localhost", peerKey, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(new String[] {suite.protocol()});
        parameters.setCipherSuites(new String[] {suite.cipherSuite()});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** Accepts any server certificate: the generator measures, it does not authenticate. */
    private static final class AcceptAny extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
