package dev.weft.core.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of a certificate, as browsers and {@code openssl x509 -fingerprint
 * -sha256} show it: upper-case hex byte pairs separated by colons. Logged when certificates are
 * loaded or reloaded, so an operator can tell which certificate a server is using.
 */
public final class CertificateFingerprint {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFingerprint() {
    }

    /**
     * The SHA-256 fingerprint of {@code certificate}'s DER encoding.
     *
     * @param certificate the certificate
     * @return the digest as upper-case hex bytes separated by colons ({@code AB:CD:...})
     */
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return COLON_HEX.formatHex(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
