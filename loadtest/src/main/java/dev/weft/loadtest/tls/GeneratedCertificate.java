package dev.weft.loadtest.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed RSA-2048 server certificate for {@code localhost} / {@code 127.0.0.1}, made in
 * memory when an engine starts (BouncyCastle builds the X.509 structure; the JDK generates and
 * signs), so no key is ever written to disk or checked in. RSA because the TLS 1.2 suite is
 * ECDHE-RSA. Generated once per JVM and shared: key generation takes a noticeable fraction of a
 * second on a busy machine.
 *
 * @param keyStore an in-memory store holding the key and certificate under {@link #ALIAS}
 * @param password the store's (random) key password
 */
public record GeneratedCertificate(KeyStore keyStore, char[] password) {

    /** The alias of the key entry. */
    public static final String ALIAS = "weft-loadtest";
    private static final Duration VALIDITY = Duration.ofDays(7);

    /** The certificate of this JVM, generated on first use. */
    public static GeneratedCertificate shared() throws IOException {
        try {
            return Shared.INSTANCE;
        } catch (ExceptionInInitializerError e) {
            throw new IOException("cannot generate the HTTPS certificate", e.getCause());
        }
    }

    /** Holder idiom: generated once, on first use, thread-safely. */
    private static final class Shared {
        static final GeneratedCertificate INSTANCE = generate();
    }

    /** Generates a new key pair and certificate. */
    static GeneratedCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2_048);
            KeyPair pair = generator.generateKeyPair();
            X500Principal name = new X500Principal("CN=localhost");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new Certificate[] {certificate});
            return new GeneratedCertificate(store, password);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    /** A key manager factory over the generated key, for a server's TLS context. */
    public KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, password);
        return factory;
    }
}
