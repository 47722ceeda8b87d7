package dev.weft.core.internal.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens many idle connections to a port and holds them until its standard input closes: run in a
 * separate JVM by {@link IdleTlsConnectionHeapMeasurement}, so that the clients' memory is not
 * counted with the server's.
 *
 * <p>Arguments: {@code port count tls|plain [ca.pem]}.
 */
public final class IdleClients {

    private IdleClients() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        boolean tls = args[2].equals("tls");
        SSLContext context = tls ? trusting(Path.of(args[3])) : null;
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (tls) {
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
                socket.startHandshake();
                sockets.add(socket);
            } else {
                sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
        }
        System.out.println("ready " + sockets.size());
        System.out.flush();
        System.in.read(); // hold the connections until the measuring JVM closes our input
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static SSLContext trusting(Path caPem) throws IOException, java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(caPem)));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
