package dev.weft.core.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate authorities trusted to sign a peer's certificate: the clients' certificates
 * for mutual TLS on a server, the servers' certificates for a client.
 */
public sealed interface TrustMaterial {

    /**
     * The authorities in a PEM file of one or more {@code BEGIN CERTIFICATE} blocks.
     *
     * @param certificates the PEM file
     * @return trust material read from that file when the TLS configuration is loaded
     */
    static TrustMaterial pem(Path certificates) {
        return new Pem(certificates);
    }

    /**
     * The trusted certificate entries of a PKCS#12 keystore.
     *
     * @param keystore the PKCS#12 file
     * @param password the keystore's password
     * @return trust material read from that file when the TLS configuration is loaded
     */
    static TrustMaterial pkcs12(Path keystore, String password) {
        return new Pkcs12(keystore, password);
    }

    /** {@return the JDK's default authorities ({@code cacerts}): right for public servers, not for clients} */
    static TrustMaterial system() {
        return new SystemDefault();
    }

    /**
     * A PEM file of trusted certificates.
     *
     * @param certificates the file
     */
    record Pem(Path certificates) implements TrustMaterial {
        /** Checks that nothing is null. */
        public Pem {
            Objects.requireNonNull(certificates, "certificates");
        }
    }

    /**
     * A PKCS#12 keystore of trusted certificates.
     *
     * @param keystore the file
     * @param password the store's password
     */
    record Pkcs12(Path keystore, String password) implements TrustMaterial {
        /** Checks that nothing is null. */
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        /** Names the file, never the password. */
        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=***]";
        }
    }

    /** The JDK's default trusted authorities. */
    record SystemDefault() implements TrustMaterial {
    }
}
