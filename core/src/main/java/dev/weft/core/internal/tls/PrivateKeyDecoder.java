package dev.weft.core.internal.tls;

import dev.weft.core.tls.TlsConfigException;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Decodes the private key of a PEM file: PKCS#8, plain or password-encrypted (PBES2, as OpenSSL
 * 1.1 and later write it), RSA or EC. Every other form is refused with a message that names the
 * file, what was found and, where there is one, the command that converts it.
 */
final class PrivateKeyDecoder {

    static final String PKCS8 = "PRIVATE KEY";
    static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
    private static final Set<String> LEGACY_KEYS = Set.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY",
            "OPENSSH PRIVATE KEY");
    private static final List<String> SUPPORTED_ALGORITHMS = List.of("RSA", "EC");
    private static final List<String> OTHER_ALGORITHMS = List.of("RSASSA-PSS", "Ed25519", "Ed448", "DSA", "X25519");
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";

    private PrivateKeyDecoder() {
    }

    /**
     * The one private key of {@code pem}.
     *
     * @throws TlsConfigException naming the file and the problem
     */
    static PrivateKey decode(PemFile pem, Optional<String> password) {
        String source = pem.source();
        List<PemFile.Block> plain = pem.blocks(PKCS8);
        List<PemFile.Block> encrypted = pem.blocks(ENCRYPTED_PKCS8);
        if (plain.size() + encrypted.size() > 1) {
            throw new TlsConfigException(source + ": holds " + (plain.size() + encrypted.size())
                    + " private keys; a key file must hold exactly one");
        }
        if (!plain.isEmpty()) {
            return keyFromPkcs8(source, plain.get(0).der());
        }
        if (!encrypted.isEmpty()) {
            String pass = password.orElseThrow(() -> new TlsConfigException(source
                    + ": the private key is encrypted ('BEGIN ENCRYPTED PRIVATE KEY') but no password was given"));
            return keyFromPkcs8(source, decrypt(source, encrypted.get(0).der(), pass));
        }
        for (PemFile.Block block : pem.blocks()) {
            if (LEGACY_KEYS.contains(block.label())) {
                throw new TlsConfigException(source + ": not a PKCS#8 private key (found 'BEGIN " + block.label()
                        + "'; convert with openssl pkcs8 -topk8" + (block.encrypted() ? "" : " -nocrypt") + " -in "
                        + source + " -out key-pkcs8.pem)");
            }
        }
        if (!pem.blocks("CERTIFICATE").isEmpty()) {
            throw new TlsConfigException(source + ": no private key, only " + pem.labels()
                    + " (are the certificate and key files swapped?)");
        }
        throw new TlsConfigException(source + ": no private key (found " + pem.labels()
                + "; expected 'BEGIN PRIVATE KEY' or 'BEGIN ENCRYPTED PRIVATE KEY')");
    }

    private static byte[] decrypt(String source, byte[] der, String password) {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new TlsConfigException(source + ": damaged encrypted private key: " + e.getMessage(), e);
        }
        String algorithm = cipherName(info);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray());
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(spec),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new TlsConfigException(source + ": cannot decrypt the private key: wrong password?", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(source + ": cannot decrypt the private key (" + algorithm + "): " + e.getMessage()
                    + "; re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The JDK's name of the key's encryption, for PBES2 the name its parameters give. */
    private static String cipherName(EncryptedPrivateKeyInfo info) {
        String name = info.getAlgName();
        AlgorithmParameters parameters = info.getAlgParameters();
        if ((name.equals(PBES2_OID) || name.equalsIgnoreCase("PBES2")) && parameters != null) {
            return parameters.toString();
        }
        return name;
    }

    private static PrivateKey keyFromPkcs8(String source, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : SUPPORTED_ALGORITHMS) {
            Optional<PrivateKey> key = tryAlgorithm(algorithm, spec);
            if (key.isPresent()) {
                return key.get();
            }
        }
        for (String algorithm : OTHER_ALGORITHMS) {
            if (tryAlgorithm(algorithm, spec).isPresent()) {
                throw new TlsConfigException(source + ": " + algorithm + " private keys are not supported (RSA and EC are)");
            }
        }
        throw new TlsConfigException(source + ": damaged PKCS#8 private key, or of an unknown algorithm (RSA and EC are supported)");
    }

    private static Optional<PrivateKey> tryAlgorithm(String algorithm, PKCS8EncodedKeySpec spec) {
        try {
            return Optional.of(KeyFactory.getInstance(algorithm).generatePrivate(spec));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // not this algorithm: the caller tries the next and reports if none fits
        }
    }
}
