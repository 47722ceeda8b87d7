package dev.weft.core.internal.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made for the tests, at test time: a certificate authority and the server and
 * client certificates it issues, written as the files a server is configured with. Nothing here
 * is checked in, so no private key in the repository can be mistaken for a real one.
 */
final class TestPki {

    /** The key algorithms a test certificate may have. */
    enum KeyKind {
        EC, RSA
    }

    /** A private key with its chain, leaf first. */
    record Issued(PrivateKey key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private TestPki(KeyPair caKeys, X509Certificate caCertificate) {
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new certificate authority with an EC key. */
    static TestPki authority(String name) {
        KeyPair keys = keyPair(KeyKind.EC);
        X500Name subject = new X500Name("CN=" + name + ", O=Weft tests");
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestPki(keys, certificate(builder, keys.getPrivate()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate certificate() {
        return caCertificate;
    }

    /** A certificate for {@code names} (DNS names or IP addresses), valid from an hour ago for a month. */
    Issued issue(String commonName, KeyKind kind, String... names) {
        Instant now = Instant.now();
        return issue(commonName, kind, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), names);
    }

    /** A certificate for {@code names}, valid from {@code notBefore} to {@code notAfter}. */
    Issued issue(String commonName, KeyKind kind, Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = keyPair(kind);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName + ", O=Weft tests"),
                    keys.getPublic());
            List<GeneralName> alternatives = new ArrayList<>();
            for (String name : names) {
                boolean ip = name.contains(":") || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
                alternatives.add(ip ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
            }
            if (!alternatives.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new Issued(keys.getPrivate(), List.of(certificate(builder, caKeys.getPrivate()), caCertificate));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- files ----

    static Path writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        return writePem(file, certificates.toArray());
    }

    /** PKCS#8, unencrypted: {@code BEGIN PRIVATE KEY}. */
    static Path writePkcs8(Path file, PrivateKey key) throws IOException {
        return writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    /** PKCS#8 encrypted as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} does: PBES2, PBKDF2-HMAC-SHA256. */
    static Path writeEncryptedPkcs8(Path file, PrivateKey key, String password) throws IOException {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setPassword(password.toCharArray())
                    .setRandom(new SecureRandom())
                    .setProvider(new BouncyCastleProvider())
                    .build();
            return writePem(file, new JcaPKCS8Generator(key, encryptor));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The older OpenSSL form: {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC PRIVATE KEY}. */
    static Path writeTraditional(Path file, PrivateKey key) throws IOException {
        return writePem(file, key);
    }

    static Path writePkcs12(Path file, Issued issued, String password, String alias) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, issued.key(), password.toCharArray(), issued.chain().toArray(Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writeString(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static Path writePem(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        return writeString(file, text.toString());
    }

    // ---- clients ----

    /** A client context that trusts this authority and presents {@code clientCertificate} if given. */
    SSLContext clientContext(Issued clientCertificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientCertificate == null ? null : keyManagers(clientCertificate), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust managers that trust this authority only. */
    TrustManager[] trustManagers() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", caCertificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            return trust.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext clientContext() {
        return clientContext(null);
    }

    /**
     * A client context that trusts this authority and presents {@code certificate} whatever
     * authorities the server asks for (a JDK client otherwise sends only certificates the server
     * says it trusts, so an untrusted one would never reach the server).
     */
    SSLContext clientContextPresentingAlways(Issued certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            X509ExtendedKeyManager delegate = (X509ExtendedKeyManager) keyManagers(certificate)[0];
            KeyManager presenting = new X509ExtendedKeyManager() {
                @Override
                public String[] getClientAliases(String keyType, Principal[] issuers) {
                    return new String[] {"key"};
                }

                @Override
                public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                    return "key";
                }

                @Override
                public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                    return "key";
                }

                @Override
                public String[] getServerAliases(String keyType, Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                    return null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return delegate.getCertificateChain(alias);
                }

                @Override
                public PrivateKey getPrivateKey(String alias) {
                    return delegate.getPrivateKey(alias);
                }
            };
            context.init(new KeyManager[] {presenting}, trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDK server context presenting {@code certificate} (for testing Weft's client side). */
    static SSLContext serverContext(Issued certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(certificate), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDK server context presenting {@code certificate} and trusting client certificates from this authority. */
    SSLContext serverContextTrustingClients(Issued certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(certificate), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyManager[] keyManagers(Issued issued) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", issued.key(), STORE_PASSWORD, issued.chain().toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, STORE_PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- keys and signing ----

    static KeyPair keyPair(KeyKind kind) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.name());
            if (kind == KeyKind.EC) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            String algorithm = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
