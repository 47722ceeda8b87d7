package dev.weft.loadtest.tls;

import dev.weft.loadtest.Labelled;
import java.util.Arrays;
import java.util.List;

/**
 * The TLS versions the HTTPS scenarios measure, each with one fixed cipher suite so that every
 * engine does the same cryptographic work: AES-128-GCM with SHA-256, and on TLS 1.2 an ECDHE
 * key exchange with an RSA certificate. A server enables both; a client offers exactly one.
 */
public enum TlsSuite implements Labelled {
    /** TLS 1.3 with {@code TLS_AES_128_GCM_SHA256}. */
    TLS_1_3("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
    /** TLS 1.2 with {@code ECDHE-RSA-AES128-GCM-SHA256} ({@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}). */
    TLS_1_2("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private final String protocol;
    private final String cipherSuite;

    TlsSuite(String protocol, String cipherSuite) {
        this.protocol = protocol;
        this.cipherSuite = cipherSuite;
    }

    /** The JSSE protocol name, {@code TLSv1.3} or {@code TLSv1.2}; also the label. */
    public String protocol() {
        return protocol;
    }

    /** The JSSE (IANA) name of the one cipher suite used with this version. */
    public String cipherSuite() {
        return cipherSuite;
    }

    @Override
    public String label() {
        return protocol.toLowerCase(java.util.Locale.ROOT);
    }

    /** Every protocol name, for a server that accepts both versions. */
    public static List<String> protocols() {
        return Arrays.stream(values()).map(TlsSuite::protocol).toList();
    }

    /** Every cipher suite, for a server that accepts both versions. */
    public static List<String> cipherSuites() {
        return Arrays.stream(values()).map(TlsSuite::cipherSuite).toList();
    }
}
