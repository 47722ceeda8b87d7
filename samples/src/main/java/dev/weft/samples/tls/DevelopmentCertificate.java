package dev.weft.samples.tls;

import dev.weft.core.tls.CertificateFingerprint;
import dev.weft.core.tls.KeyMaterial;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made in
 * memory when a sample starts without {@code --cert}: HTTPS works at once on a developer's
 * machine, and nothing secret is ever written to disk or checked in.
 *
 * <p>Clients do not trust it. Log {@link #sha256Fingerprint()} so a developer can check what a
 * browser shows, or write the certificate with {@link #writeCertificate(Path)} and use
 * {@code curl --cacert that.pem https://localhost:8443/}. A new one is made at every start; it
 * is valid for {@value #VALID_DAYS} days, from an hour before it was made (clock skew).
 *
 * <p>The key is EC P-256: fast to make (milliseconds, unlike RSA) and accepted by every client.
 */
public final class DevelopmentCertificate {

    /** How long a development certificate is valid. */
    public static final int VALID_DAYS = 30;
    /** The names the certificate is valid for. */
    public static final List<String> NAMES = List.of("localhost", "127.0.0.1", "::1");

    private final KeyPair keys;
    private final X509Certificate certificate;

    private DevelopmentCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** Makes a new key pair and a self-signed certificate for {@link #NAMES}. */
    public static DevelopmentCertificate create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Weft development certificate (untrusted)");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(VALID_DAYS))),
                    subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new DevelopmentCertificate(keys, certificate);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a development certificate: " + e.getMessage(), e);
        }
    }

    /** The key and certificate, for {@code TlsConfig.builder().certificate(...)}. */
    public KeyMaterial keyMaterial() {
        return KeyMaterial.of(keys.getPrivate(), List.of(certificate));
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The SHA-256 fingerprint, as browsers show it ({@code AB:CD:...}). */
    public String sha256Fingerprint() {
        return CertificateFingerprint.sha256(certificate);
    }

    /** The certificate (never the key) in PEM, for a client's trust store. */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /** Writes the certificate (never the key) as PEM to {@code file}, for {@code curl --cacert}. */
    public Path writeCertificate(Path file) throws IOException {
        return Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
    }
}
