package dev.weft.core.tls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TLS protocol versions and cipher suites a server or client accepts.
 *
 * <p>{@link #MODERN}, the default, allows TLS 1.3 and TLS 1.2 and only AEAD cipher suites with
 * forward secrecy (ephemeral elliptic-curve Diffie-Hellman), the server's order preferred:
 * <ul>
 *   <li>TLS 1.3: {@code TLS_AES_128_GCM_SHA256}, {@code TLS_AES_256_GCM_SHA384},
 *       {@code TLS_CHACHA20_POLY1305_SHA256};</li>
 *   <li>TLS 1.2: {@code TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256},
 *       {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256},
 *       {@code TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384},
 *       {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384},
 *       {@code TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256},
 *       {@code TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256}.</li>
 * </ul>
 * No CBC suite (padding-oracle history), no RSA key exchange (no forward secrecy), no finite-field
 * DHE (slow, and weak groups in the wild). This is Mozilla's "intermediate" list without DHE:
 * every browser and HTTP client of the last eight years connects.
 *
 * <p>Whatever the policy, the key exchange uses only {@link #KEY_EXCHANGE_GROUPS}: the JDK would
 * otherwise also offer TLS 1.3's finite-field groups, with which a client could make the server
 * spend many times the CPU of an X25519 handshake.
 *
 * <p>SSL 3, TLS 1.0 and TLS 1.1 cannot be enabled (RFC 8996): a client that offers nothing newer
 * fails with {@link HandshakeFailure#PROTOCOL_VERSION}.
 *
 * @param protocols    {@code "TLSv1.3"} and/or {@code "TLSv1.2"}, nothing else
 * @param cipherSuites the suites in order of preference, by their standard names; each must be
 *                     supported by the JDK (checked when the server starts); suites with NULL
 *                     or export encryption, anonymous key exchange, RC4, DES or 3DES are refused
 */
public record CipherPolicy(List<String> protocols, List<String> cipherSuites) {

    // before MODERN, whose construction reads it
    private static final List<String> BROKEN_SUITE_MARKERS =
            List.of("_NULL_", "_anon_", "_EXPORT", "_RC4_", "_DES_", "_3DES_", "_DES40_", "_MD5");

    /** The key-exchange groups every policy uses, in order of preference: X25519, P-256, P-384. */
    public static final List<String> KEY_EXCHANGE_GROUPS = List.of("x25519", "secp256r1", "secp384r1");

    /** The protocol versions that may be enabled. */
    public static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    /** TLS 1.3 and 1.2 with AEAD, forward-secret cipher suites only (see the class comment). */
    public static final CipherPolicy MODERN = new CipherPolicy(
            List.of("TLSv1.3", "TLSv1.2"),
            List.of("TLS_AES_128_GCM_SHA256",
                    "TLS_AES_256_GCM_SHA384",
                    "TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    /** Checks the protocols and refuses broken cipher suites. */
    public CipherPolicy {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol is needed (TLSv1.3, TLSv1.2)");
        }
        for (String protocol : protocols) {
            if (!ALLOWED_PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException("protocol '" + protocol + "' is not allowed: only TLSv1.3 and TLSv1.2 are");
            }
        }
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("at least one cipher suite is needed");
        }
        Set<String> seen = new HashSet<>();
        for (String suite : cipherSuites) {
            if (!seen.add(suite)) {
                throw new IllegalArgumentException("cipher suite '" + suite + "' is listed twice");
            }
            for (String marker : BROKEN_SUITE_MARKERS) {
                if (suite.contains(marker)) {
                    throw new IllegalArgumentException("cipher suite '" + suite + "' is broken and cannot be enabled");
                }
            }
        }
    }

    /**
     * The same suites with only {@code protocols} enabled.
     *
     * @param protocols the protocol versions, for example {@code "TLSv1.3"}
     * @return the changed copy
     */
    public CipherPolicy withProtocols(String... protocols) {
        return new CipherPolicy(List.of(protocols), cipherSuites);
    }

    /**
     * The same protocols with only {@code cipherSuites} enabled, in this order of preference.
     *
     * @param cipherSuites the standard names of the cipher suites, most preferred first
     * @return the changed copy
     */
    public CipherPolicy withCipherSuites(String... cipherSuites) {
        return new CipherPolicy(protocols, List.of(cipherSuites));
    }
}
