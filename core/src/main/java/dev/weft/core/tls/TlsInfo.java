package dev.weft.core.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finished TLS handshake agreed, as a handler may read it from its connection: a
 * read-only snapshot, taken once when the handshake finished.
 *
 * @param protocol            the protocol version, {@code "TLSv1.3"} or {@code "TLSv1.2"}
 * @param cipherSuite         the cipher suite, for example {@code "TLS_AES_128_GCM_SHA256"}
 * @param applicationProtocol the ALPN protocol chosen (for example {@code "h2"} or
 *                            {@code "http/1.1"}); empty when the client offered none or the server
 *                            is configured with none
 * @param serverName          the host name the client asked for by SNI, in lower case; empty when it sent none
 *                            (clients never send it when they connect to an IP address)
 * @param peerCertificates    the client's certificate chain, leaf first; empty when the client
 *                            sent none (always, unless client authentication is wanted or
 *                            required). On the client side of a connection: the server's chain
 */
public record TlsInfo(String protocol, String cipherSuite, Optional<String> applicationProtocol,
                      Optional<String> serverName, List<X509Certificate> peerCertificates) {

    /** Checks that nothing is null and copies the chain. */
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        Objects.requireNonNull(serverName, "serverName");
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** {@return the subject of the peer's leaf certificate, when it sent one} */
    public Optional<String> peerSubject() {
        return peerCertificates.isEmpty()
                ? Optional.empty()
                : Optional.of(peerCertificates.get(0).getSubjectX500Principal().getName());
    }
}
