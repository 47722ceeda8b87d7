package dev.weft.core.internal.tls;

import dev.weft.core.tls.TlsInfo;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Reads a {@link TlsInfo} from an engine whose handshake has finished. */
final class SessionInfo {

    private SessionInfo() {
    }

    static TlsInfo of(SSLEngine engine) {
        SSLSession session = engine.getSession();
        String alpn = engine.getApplicationProtocol();
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(),
                alpn == null || alpn.isEmpty() ? Optional.empty() : Optional.of(alpn),
                (engine.getUseClientMode() ? sentHostName(engine) : SniKeyManager.requestedHostName(session))
                        .map(host -> host.toLowerCase(Locale.ROOT)),
                peerCertificates(session));
    }

    private static Optional<String> sentHostName(SSLEngine engine) {
        List<SNIServerName> names = engine.getSSLParameters().getServerNames();
        if (names != null) {
            for (SNIServerName name : names) {
                if (name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of(); // the peer sent no certificate: normal unless it was required
        }
    }
}
