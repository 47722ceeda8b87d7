package dev.weft.core.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a certificate chain and its private key come from: PEM files, a PKCS#12 keystore, or
 * objects already in memory (a development certificate made at start-up).
 *
 * <p>Files are read and checked when the server starts and again on every reload; nothing is
 * read when this value is created. Only RSA and EC keys are supported.
 */
public sealed interface KeyMaterial {

    /**
     * A certificate chain and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}), both
     * PEM.
     *
     * @param chain the PEM file of the certificate chain, the server's certificate first
     * @param key   the PEM file of the unencrypted PKCS#8 private key
     * @return key material read from those files when the TLS configuration is loaded
     */
    static KeyMaterial pem(Path chain, Path key) {
        return new Pem(chain, key, Optional.empty());
    }

    /**
     * A certificate chain and a PKCS#8 private key encrypted with {@code password}
     * ({@code BEGIN ENCRYPTED PRIVATE KEY}, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}
     * writes it).
     *
     * @param chain    the PEM file of the certificate chain, the server's certificate first
     * @param key      the PEM file of the encrypted PKCS#8 private key
     * @param password the password the key is encrypted with
     * @return key material read from those files when the TLS configuration is loaded
     */
    static KeyMaterial pem(Path chain, Path key, String password) {
        return new Pem(chain, key, Optional.of(password));
    }

    /**
     * The one private key entry of a PKCS#12 keystore, opened with {@code password}.
     *
     * @param keystore the PKCS#12 file, holding exactly one private key entry
     * @param password the keystore's password
     * @return key material read from that file when the TLS configuration is loaded
     */
    static KeyMaterial pkcs12(Path keystore, String password) {
        return new Pkcs12(keystore, password, Optional.empty());
    }

    /**
     * The private key entry named {@code alias} of a PKCS#12 keystore.
     *
     * @param keystore the PKCS#12 file
     * @param password the keystore's password
     * @param alias    the alias of the private key entry to use
     * @return key material read from that file when the TLS configuration is loaded
     */
    static KeyMaterial pkcs12(Path keystore, String password, String alias) {
        return new Pkcs12(keystore, password, Optional.of(alias));
    }

    /**
     * A key and chain already in memory; a reload leaves them as they are.
     *
     * @param key   the private key
     * @param chain the certificate chain, the server's certificate first
     * @return key material holding them
     */
    static KeyMaterial of(PrivateKey key, List<X509Certificate> chain) {
        return new InMemory(key, chain);
    }

    /**
     * PEM files.
     *
     * @param chain    the certificate chain, the server's certificate first, then the
     *                 intermediates ({@code BEGIN CERTIFICATE} blocks)
     * @param key      the private key in PKCS#8 ({@code BEGIN PRIVATE KEY} or
     *                 {@code BEGIN ENCRYPTED PRIVATE KEY}); the older {@code BEGIN RSA PRIVATE
     *                 KEY} and {@code BEGIN EC PRIVATE KEY} formats are refused with the command
     *                 that converts them
     * @param password the password of an encrypted key
     */
    record Pem(Path chain, Path key, Optional<String> password) implements KeyMaterial {
        /** Checks that nothing is null. */
        public Pem {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(password, "password");
        }

        /** Names the files, never the password. */
        @Override
        public String toString() {
            return "Pem[chain=" + chain + ", key=" + key + (password.isPresent() ? ", password=***]" : "]");
        }
    }

    /**
     * A PKCS#12 keystore ({@code .p12}, {@code .pfx}); the key's password is the store's.
     *
     * @param keystore the file
     * @param password the store's password
     * @param alias    which private key entry to use; needed only when there are several
     */
    record Pkcs12(Path keystore, String password, Optional<String> alias) implements KeyMaterial {
        /** Checks that nothing is null. */
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(alias, "alias");
        }

        /** Names the file, never the password. */
        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=***" + alias.map(a -> ", alias=" + a).orElse("") + "]";
        }
    }

    /**
     * A key and chain already in memory.
     *
     * @param key   the private key
     * @param chain the certificate chain, the key's certificate first
     */
    record InMemory(PrivateKey key, List<X509Certificate> chain) implements KeyMaterial {
        /** Checks that nothing is null and that there is a certificate. */
        public InMemory {
            Objects.requireNonNull(key, "key");
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("chain must hold at least the key's certificate");
            }
        }

        /** Names the certificate, never the key. */
        @Override
        public String toString() {
            return "InMemory[" + chain.get(0).getSubjectX500Principal().getName() + "]";
        }
    }
}
