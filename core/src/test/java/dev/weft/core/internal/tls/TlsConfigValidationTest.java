package dev.weft.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.tls.CipherPolicy;
import dev.weft.core.tls.ClientAuthentication;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TrustMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every way a certificate, key or setting can be wrong, and the message that names the file and the problem. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConfigValidationTest {

    private static TestPki ca;
    private static Issued rsa;
    private static Issued ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() {
        ca = TestPki.authority("Validation CA");
        rsa = ca.issue("rsa.test", KeyKind.RSA, "rsa.test");
        ec = ca.issue("ec.test", KeyKind.EC, "ec.test");
    }

    private Path chain(Issued issued) throws IOException {
        return TestPki.writeCertificates(dir.resolve("chain.pem"), issued.chain());
    }

    private Path key(PrivateKey key) throws IOException {
        return TestPki.writePkcs8(dir.resolve("key.pem"), key);
    }

    private static String refusal(KeyMaterial material) {
        TlsConfig config = TlsConfig.builder().certificate(material).noReloadChecks().build();
        return assertThrows(TlsConfigException.class, () -> ServerTlsContext.create(config)).getMessage();
    }

    @Test
    void anRsaKeyInTheOldOpenSslFormatIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path key = TestPki.writeTraditional(dir.resolve("key.pem"), rsa.key());
        assertEquals(key + ": not a PKCS#8 private key (found 'BEGIN RSA PRIVATE KEY'; convert with openssl pkcs8 -topk8"
                + " -nocrypt -in " + key + " -out key-pkcs8.pem)", refusal(KeyMaterial.pem(chain(rsa), key)));
    }

    @Test
    void anEcKeyInTheOldOpenSslFormatIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path key = TestPki.writeTraditional(dir.resolve("key.pem"), ec.key());
        assertTrue(refusal(KeyMaterial.pem(chain(ec), key)).startsWith(
                key + ": not a PKCS#8 private key (found 'BEGIN EC PRIVATE KEY'; convert with openssl pkcs8 -topk8"));
    }

    @Test
    void aCertificateThatDoesNotMatchTheKeyIsRefused() throws Exception {
        Issued other = ca.issue("other", KeyKind.EC, "other.test");
        Path chain = chain(ec);
        Path key = key(other.key());
        assertEquals(chain + ": certificate does not match the private key in " + key, refusal(KeyMaterial.pem(chain, key)));
    }

    @Test
    void aKeyOfAnotherAlgorithmThanTheCertificatesIsNamed() throws Exception {
        Path chain = chain(rsa);
        Path key = key(ec.key());
        assertEquals(chain + ": certificate does not match the private key in " + key
                + " (the key is EC, the certificate's is RSA)", refusal(KeyMaterial.pem(chain, key)));
    }

    @Test
    void aChainWhoseFirstCertificateIsNotTheKeysSaysWhichOneIs() throws Exception {
        Path chain = TestPki.writeCertificates(dir.resolve("chain.pem"), List.of(ca.issue("x", KeyKind.EC).leaf(), ec.leaf()));
        Path key = key(ec.key());
        assertEquals(chain + ": the private key in " + key + " belongs to certificate #2 ('"
                + ec.leaf().getSubjectX500Principal().getName() + "'); the server's own certificate must come first",
                refusal(KeyMaterial.pem(chain, key)));
    }

    @Test
    void swappedCertificateAndKeyFilesAreRecognised() throws Exception {
        Path chain = chain(ec);
        Path key = key(ec.key());
        assertEquals(chain + ": no private key, only 'BEGIN CERTIFICATE' (are the certificate and key files swapped?)",
                refusal(KeyMaterial.pem(chain, chain)));
        assertEquals(key + ": no certificate (found 'BEGIN PRIVATE KEY'; expected '-----BEGIN CERTIFICATE-----')",
                refusal(KeyMaterial.pem(key, chain)));
    }

    @Test
    void missingEmptyDamagedAndBinaryFilesAreNamed() throws Exception {
        Path key = key(ec.key());
        Path missing = dir.resolve("missing.pem");
        assertEquals(missing + ": no such file", refusal(KeyMaterial.pem(missing, key)));

        Path empty = Files.createFile(dir.resolve("empty.pem"));
        assertEquals(empty + ": file is empty", refusal(KeyMaterial.pem(empty, key)));

        Path cut = TestPki.writeString(dir.resolve("cut.pem"), Files.readString(chain(ec)).substring(0, 200));
        assertEquals(cut + ": damaged PEM: 'BEGIN CERTIFICATE' has no 'END CERTIFICATE' (file cut short?)",
                refusal(KeyMaterial.pem(cut, key)));

        Path binary = Files.write(dir.resolve("chain.der"), ec.leaf().getEncoded());
        assertTrue(refusal(KeyMaterial.pem(binary, key)).startsWith(binary + ": not a PEM file: no '-----BEGIN ...-----' line"
                + " (a binary DER file? convert it with openssl x509 -inform der -outform pem"));

        Path badBase64 = TestPki.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        assertTrue(refusal(KeyMaterial.pem(badBase64, key)).startsWith(badBase64 + ": damaged PEM block 'BEGIN CERTIFICATE': "));
    }

    @Test
    void anEncryptedKeyNeedsItsPassword() throws Exception {
        Path chain = chain(ec);
        Path key = TestPki.writeEncryptedPkcs8(dir.resolve("key.pem"), ec.key(), "right");
        assertEquals(key + ": the private key is encrypted ('BEGIN ENCRYPTED PRIVATE KEY') but no password was given",
                refusal(KeyMaterial.pem(chain, key)));
        assertEquals(key + ": cannot decrypt the private key: wrong password?", refusal(KeyMaterial.pem(chain, key, "wrong")));
    }

    @Test
    void keysOtherThanRsaAndEcAreRefusedByName() throws Exception {
        PrivateKey edwards = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Path key = key(edwards);
        assertEquals(key + ": Ed25519 private keys are not supported (RSA and EC are)", refusal(KeyMaterial.pem(chain(ec), key)));
    }

    @Test
    void pkcs12ProblemsAreNamed() throws Exception {
        Path store = TestPki.writePkcs12(dir.resolve("server.p12"), ec, "pw", "server");
        assertEquals(store + ": cannot open the PKCS#12 keystore: wrong password", refusal(KeyMaterial.pkcs12(store, "nope")));
        assertEquals(store + ": no private key entry 'web' (its private key entries: server)",
                refusal(KeyMaterial.pkcs12(store, "pw", "web")));
        Path notAStore = TestPki.writeString(dir.resolve("not.p12"), "hello");
        assertTrue(refusal(KeyMaterial.pkcs12(notAStore, "pw")).startsWith(notAStore + ": not a PKCS#12 keystore, or damaged: "));
    }

    @Test
    void anExpiredCertificateIsServedWithAWarning() throws Exception {
        Instant now = Instant.now();
        Issued expired = ca.issue("old", KeyKind.EC, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), "old.test");
        Path chain = chain(expired);
        ServerTlsContext context = ServerTlsContext.create(TlsConfig.builder()
                .certificate(KeyMaterial.pem(chain, key(expired.key()))).noReloadChecks().build());
        assertEquals(1, context.warnings().size(), context.warnings().toString());
        String warning = context.warnings().get(0);
        assertTrue(warning.startsWith(chain + ": certificate #1 '" + expired.leaf().getSubjectX500Principal().getName()
                + "' expired on "), warning);
        assertTrue(warning.endsWith("; clients will refuse it"), warning);
    }

    @Test
    void aCertificateExpiringSoonIsWarnedAbout() throws Exception {
        Instant now = Instant.now();
        Issued soon = ca.issue("soon", KeyKind.EC, now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(3)).plusSeconds(60), "soon.test");
        ServerTlsContext context = ServerTlsContext.create(TlsConfig.builder()
                .certificate(KeyMaterial.pem(chain(soon), key(soon.key()))).noReloadChecks().build());
        assertTrue(context.warnings().get(0).endsWith(", in 3 days"), context.warnings().toString());
    }

    @Test
    void unsupportedCipherSuitesAndProtocolsAreRefused() throws Exception {
        KeyMaterial material = KeyMaterial.pem(chain(ec), key(ec.key()));
        TlsConfig unknownSuite = TlsConfig.builder().certificate(material).noReloadChecks()
                .cipherPolicy(CipherPolicy.MODERN.withCipherSuites("TLS_AES_128_GCM_SHA256", "TLS_MADE_UP_SUITE")).build();
        assertTrue(assertThrows(TlsConfigException.class, () -> ServerTlsContext.create(unknownSuite)).getMessage()
                .startsWith("cipher suite TLS_MADE_UP_SUITE is not supported by this JDK ("));

        assertEquals("protocol 'TLSv1.1' is not allowed: only TLSv1.3 and TLSv1.2 are",
                assertThrows(IllegalArgumentException.class, () -> CipherPolicy.MODERN.withProtocols("TLSv1.3", "TLSv1.1")).getMessage());
        assertEquals("cipher suite 'SSL_RSA_WITH_RC4_128_SHA' is broken and cannot be enabled",
                assertThrows(IllegalArgumentException.class, () -> CipherPolicy.MODERN.withCipherSuites("SSL_RSA_WITH_RC4_128_SHA")).getMessage());
    }

    @Test
    void aProtocolLeftWithoutCipherSuitesIsWarnedAbout() throws Exception {
        ServerTlsContext context = ServerTlsContext.create(TlsConfig.builder()
                .certificate(KeyMaterial.pem(chain(ec), key(ec.key()))).noReloadChecks()
                .cipherPolicy(CipherPolicy.MODERN.withCipherSuites("TLS_AES_256_GCM_SHA384")).build());
        assertEquals(List.of("TLSv1.2 is enabled but none of its cipher suites (TLS_ECDHE_..._WITH_...) is"), context.warnings());
    }

    @Test
    void configurationValuesAreCheckedWhenBuilt() throws Exception {
        KeyMaterial material = KeyMaterial.pem(chain(ec), key(ec.key()));
        assertEquals("handshakeTimeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().certificate(material).handshakeTimeout(Duration.ZERO).build()).getMessage());
        assertEquals("ALPN protocol 'h2' is listed twice", assertThrows(IllegalArgumentException.class,
                () -> TlsConfig.builder().certificate(material).applicationProtocols("h2", "h2").build()).getMessage());
        assertEquals("a default certificate is required: call certificate(KeyMaterial)",
                assertThrows(IllegalStateException.class, () -> TlsConfig.builder().build()).getMessage());
        assertEquals("SNI host name '10.0.0.1' is an IP address; clients send no SNI for those (the default certificate is presented)",
                assertThrows(IllegalArgumentException.class,
                        () -> TlsConfig.builder().certificate(material).certificate("10.0.0.1", material).build()).getMessage());
        assertEquals("client authentication REQUIRED needs a trust store for client certificates",
                assertThrows(IllegalArgumentException.class,
                        () -> new ClientAuthentication(ClientAuthentication.Mode.REQUIRED, Optional.empty())).getMessage());
        assertEquals(Map.of("a.test", material), TlsConfig.builder().certificate(material).certificate("A.test", material)
                .build().certificates().byHostName());
    }

    @Test
    void aClientTrustStoreWithoutCertificatesIsRefused() throws Exception {
        Path trust = key(ec.key());
        TlsConfig config = TlsConfig.builder().certificate(KeyMaterial.pem(chain(ec), trust)).noReloadChecks()
                .clientAuthentication(ClientAuthentication.required(TrustMaterial.pem(trust))).build();
        assertEquals(trust + ": no certificate (found 'BEGIN PRIVATE KEY'; expected '-----BEGIN CERTIFICATE-----')",
                assertThrows(TlsConfigException.class, () -> ServerTlsContext.create(config)).getMessage());
    }

    @Test
    void passwordsNeverAppearInToString() throws Exception {
        assertEquals(false, KeyMaterial.pem(chain(ec), key(ec.key()), "hunter2").toString().contains("hunter2"));
        assertEquals(false, KeyMaterial.pkcs12(dir.resolve("x.p12"), "hunter2").toString().contains("hunter2"));
        assertEquals(false, TrustMaterial.pkcs12(dir.resolve("x.p12"), "hunter2").toString().contains("hunter2"));
    }
}
