package dev.weft.core.internal.tls;

import dev.weft.core.internal.tls.TestPki.Issued;
import dev.weft.core.internal.tls.TestPki.KeyKind;
import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A test authority and a certificate it issued for {@code localhost} and {@code 127.0.0.1}, made
 * once per test class, with the configuration that serves it from files in a test's directory.
 *
 * @param ca        the authority clients trust
 * @param localhost the server's certificate
 */
record LocalhostFixture(TestPki ca, Issued localhost) {

    static LocalhostFixture create(String authorityName) {
        TestPki ca = TestPki.authority(authorityName);
        return new LocalhostFixture(ca, ca.issue("localhost", KeyKind.EC, "localhost", "127.0.0.1"));
    }

    /** The localhost certificate as PEM files named {@code <name>-chain.pem} and {@code <name>-key.pem} in {@code dir}. */
    KeyMaterial pem(Path dir, String name) throws IOException {
        return pem(dir, name, localhost);
    }

    static KeyMaterial pem(Path dir, String name, Issued issued) throws IOException {
        return KeyMaterial.pem(TestPki.writeCertificates(dir.resolve(name + "-chain.pem"), issued.chain()),
                TestPki.writePkcs8(dir.resolve(name + "-key.pem"), issued.key()));
    }

    /** A configuration serving the localhost certificate, files not watched. */
    TlsConfig.Builder config(Path dir) throws IOException {
        return TlsConfig.builder().certificate(pem(dir, "localhost")).noReloadChecks();
    }
}
