package dev.weft.samples.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.tls.CertificateFingerprint;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.samples.echo.DaggerEchoComponent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --cert}, {@code --key}, {@code --key-password-file}, or the development certificate. */
class CertificateOptionsTest {

    @TempDir
    Path dir;

    private final DevelopmentCertificate served = DevelopmentCertificate.create();

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        CertificateOptions certificate = new CertificateOptions();
    }

    private static CertificateOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.certificate;
    }

    private Path chain() throws Exception {
        return served.writeCertificate(dir.resolve("chain.pem"));
    }

    private KeyMaterial.InMemory material() {
        return (KeyMaterial.InMemory) served.keyMaterial();
    }

    /** Serves an echo over TLS with {@code tls} and checks a client trusting the certificate gets its bytes back. */
    private void assertServesTls(TlsConfig tls) throws Exception {
        try (TcpServer echo = DaggerEchoComponent.factory()
                .create(TcpServerConfig.builder().host("127.0.0.1").port(0).tls(tls).build()).server().start()) {
            try (SSLSocket socket = (SSLSocket) DevelopmentTrust.trusting(served.certificate()).getSocketFactory()
                    .createSocket("localhost", echo.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("over tls".getBytes(StandardCharsets.US_ASCII));
                assertEquals("over tls", new String(socket.getInputStream().readNBytes(8), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void certificateAndKeyFilesAreServed() throws Exception {
        Path key = DevelopmentTrust.writeKey(material().key(), dir.resolve("key.pem"));
        TlsConfig tls = parse("--cert", chain().toString(), "--key", key.toString()).tlsConfig("test");
        assertEquals(KeyMaterial.pem(chain(), key), tls.certificates().defaultCertificate());
        assertTrue(tls.reloadCheckInterval().isPresent(), "files are watched for renewals");
        assertServesTls(tls);
    }

    @Test
    void anEncryptedKeyIsOpenedWithThePasswordFromTheFile() throws Exception {
        String password = "correct horse";
        Path key = dir.resolve("encrypted-key.pem");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(material().key(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                            .setRandom(new SecureRandom()).setPassword(password.toCharArray())
                            .setProvider(new BouncyCastleProvider()).build()));
        }
        Files.writeString(key, pem.toString());
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), password + "\n");
        assertServesTls(parse("--cert", chain().toString(), "--key", key.toString(),
                "--key-password-file", passwordFile.toString()).tlsConfig("test"));
    }

    @Test
    void aMissingPasswordFileIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-password.txt");
        TlsConfigException failure = assertThrows(TlsConfigException.class, () -> parse("--cert", chain().toString(),
                "--key", "key.pem", "--key-password-file", missing.toString()).tlsConfig("test"));
        assertEquals(missing + ": no such file (--key-password-file)", failure.getMessage());
    }

    @Test
    void withoutFilesADevelopmentCertificateIsMadeItsFingerprintLoggedAndItsPemWritten() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TlsConfig tls;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            tls = parse().tlsConfig("test");
        } finally {
            System.setErr(err);
        }
        assertInstanceOf(KeyMaterial.InMemory.class, tls.certificates().defaultCertificate());
        X509Certificate made = ((KeyMaterial.InMemory) tls.certificates().defaultCertificate()).chain().get(0);
        String log = printed.toString(StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("SHA-256 ([0-9A-F:]+)\\).*its certificate is in (\\S+) ").matcher(log);
        assertTrue(line.find(), "logged: [" + log + "]");
        assertEquals(CertificateFingerprint.sha256(made), line.group(1));
        X509Certificate written = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(line.group(2)))));
        assertEquals(made, written);
    }
}
