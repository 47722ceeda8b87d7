package dev.weft.core.internal.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, checked to belong together.
 *
 * @param key    the private key
 * @param chain  the key's certificate first, then its issuers
 * @param source where it came from, for log lines (file names, never secrets)
 */
record CertifiedKey(PrivateKey key, List<X509Certificate> chain, String source) {

    CertifiedKey {
        chain = List.copyOf(chain);
    }

    /** The key's own certificate. */
    X509Certificate leaf() {
        return chain.get(0);
    }

    /** The key's algorithm as TLS key managers name it: {@code "RSA"} or {@code "EC"}. */
    String keyType() {
        return key.getAlgorithm();
    }
}
