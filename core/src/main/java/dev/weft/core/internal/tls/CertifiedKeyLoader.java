package dev.weft.core.internal.tls;

import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Loads {@link KeyMaterial} into a {@link CertifiedKey}, checking what TLS would otherwise only
 * find out at the first handshake: that the key and the first certificate belong together, that
 * the chain is in order, and whether any certificate is expired, expiring soon or not yet valid
 * (those are warnings, not errors: a server with an expired certificate still starts).
 */
final class CertifiedKeyLoader {

    /** A certificate expiring sooner than this is warned about. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private CertifiedKeyLoader() {
    }

    /**
     * Loads {@code material} from {@code files}, adding warnings to {@code warnings}.
     *
     * @throws TlsConfigException naming the file and the problem
     */
    static CertifiedKey load(KeyMaterial material, MaterialFiles files, Instant now, List<String> warnings) {
        CertifiedKey loaded = switch (material) {
            case KeyMaterial.Pem pem -> fromPem(pem, files);
            case KeyMaterial.Pkcs12 store -> fromPkcs12(store, files);
            case KeyMaterial.InMemory memory -> new CertifiedKey(memory.key(), memory.chain(), "in memory");
        };
        String chainSource = material instanceof KeyMaterial.Pem pem ? pem.chain().toString() : loaded.source();
        String keySource = material instanceof KeyMaterial.Pem pem ? pem.key().toString() : loaded.source();
        checkKeyMatches(loaded, chainSource, keySource);
        checkOrder(loaded.chain(), chainSource, warnings);
        checkValidity(loaded.chain(), chainSource, now, warnings);
        return loaded;
    }

    /** The certificates of a PEM file, in order; at least one. */
    static List<X509Certificate> certificates(PemFile pem) {
        List<PemFile.Block> blocks = pem.blocks("CERTIFICATE");
        if (blocks.isEmpty()) {
            throw new TlsConfigException(pem.source() + ": no certificate (found " + pem.labels()
                    + "; expected '-----BEGIN CERTIFICATE-----')");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemFile.Block block : blocks) {
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException e) {
                throw new TlsConfigException(pem.source() + ": certificate #" + (certificates.size() + 1)
                        + " is damaged: " + e.getMessage(), e);
            }
        }
        return certificates;
    }

    private static CertifiedKey fromPem(KeyMaterial.Pem pem, MaterialFiles files) {
        List<X509Certificate> chain = certificates(PemFile.parse(pem.chain().toString(), files.bytes(pem.chain())));
        PrivateKey key = PrivateKeyDecoder.decode(PemFile.parse(pem.key().toString(), files.bytes(pem.key())), pem.password());
        return new CertifiedKey(key, chain, pem.chain() + " + " + pem.key());
    }

    private static CertifiedKey fromPkcs12(KeyMaterial.Pkcs12 store, MaterialFiles files) {
        String source = store.keystore().toString();
        char[] password = store.password().toCharArray();
        KeyStore keyStore = openPkcs12(store.keystore(), files.bytes(store.keystore()), password);
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            String alias = chooseAlias(source, keyAliases, store.alias());
            Key key = keyStore.getKey(alias, password);
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new TlsConfigException(source + ": entry '" + alias + "' is not a private key with its certificate chain");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new CertifiedKey(privateKey, certificates, source + " (" + alias + ")");
        } catch (UnrecoverableKeyException e) {
            throw new TlsConfigException(source + ": the private key's password differs from the keystore's;"
                    + " Weft needs them equal (re-export with openssl pkcs12 -export)", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(source + ": cannot read the private key entry: " + e.getMessage(), e);
        }
    }

    /** Opens a PKCS#12 keystore from its bytes. */
    static KeyStore openPkcs12(Path path, byte[] bytes, char[] password) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(new ByteArrayInputStream(bytes), password);
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TlsConfigException(path + ": cannot open the PKCS#12 keystore: wrong password", e);
            }
            throw new TlsConfigException(path + ": not a PKCS#12 keystore, or damaged: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(path + ": cannot open the PKCS#12 keystore: " + e.getMessage(), e);
        }
    }

    private static String chooseAlias(String source, List<String> keyAliases, Optional<String> wanted) {
        if (wanted.isPresent()) {
            if (!keyAliases.contains(wanted.get())) {
                throw new TlsConfigException(source + ": no private key entry '" + wanted.get() + "' (its private key entries: "
                        + (keyAliases.isEmpty() ? "none" : String.join(", ", keyAliases)) + ")");
            }
            return wanted.get();
        }
        if (keyAliases.isEmpty()) {
            throw new TlsConfigException(source + ": holds no private key entry (only trusted certificates?)");
        }
        if (keyAliases.size() > 1) {
            throw new TlsConfigException(source + ": holds " + keyAliases.size() + " private key entries ("
                    + String.join(", ", keyAliases) + "); name the one to use");
        }
        return keyAliases.get(0);
    }

    private static void checkKeyMatches(CertifiedKey loaded, String chainSource, String keySource) {
        if (belongsTogether(loaded.key(), loaded.leaf())) {
            return;
        }
        for (int i = 1; i < loaded.chain().size(); i++) {
            if (belongsTogether(loaded.key(), loaded.chain().get(i))) {
                throw new TlsConfigException(chainSource + ": the private key in " + keySource + " belongs to certificate #"
                        + (i + 1) + " ('" + subject(loaded.chain().get(i)) + "'); the server's own certificate must come first");
            }
        }
        String keyAlgorithm = loaded.key().getAlgorithm();
        String certificateAlgorithm = loaded.leaf().getPublicKey().getAlgorithm();
        throw new TlsConfigException(chainSource + ": certificate does not match the private key"
                + (chainSource.equals(keySource) ? "" : " in " + keySource)
                + (keyAlgorithm.equals(certificateAlgorithm) ? ""
                        : " (the key is " + keyAlgorithm + ", the certificate's is " + certificateAlgorithm + ")"));
    }

    /** Whether a signature made with {@code key} verifies with the certificate's public key. */
    private static boolean belongsTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new TlsConfigException("unsupported key algorithm " + key.getAlgorithm() + " (RSA and EC are)");
        };
        if (!key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key that cannot sign for this certificate does not belong to it
        }
    }

    private static void checkOrder(List<X509Certificate> chain, String source, List<String> warnings) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!chain.get(i).getIssuerX500Principal().equals(chain.get(i + 1).getSubjectX500Principal())) {
                warnings.add(source + ": certificate #" + (i + 2) + " ('" + subject(chain.get(i + 1))
                        + "') did not issue #" + (i + 1) + " ('" + subject(chain.get(i))
                        + "'): the chain is out of order and some clients will refuse it");
            }
        }
    }

    private static void checkValidity(List<X509Certificate> chain, String source, Instant now, List<String> warnings) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            Instant notAfter = certificate.getNotAfter().toInstant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            String which = source + ": certificate " + (chain.size() > 1 ? "#" + (i + 1) + " " : "")
                    + "'" + subject(certificate) + "'";
            if (notAfter.isBefore(now)) {
                warnings.add(which + " expired on " + notAfter + "; clients will refuse it");
            } else if (notBefore.isAfter(now)) {
                warnings.add(which + " is not valid until " + notBefore + "; clients will refuse it until then");
            } else if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
                warnings.add(which + " expires on " + notAfter + ", in " + Duration.between(now, notAfter).toDays() + " days");
            }
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
