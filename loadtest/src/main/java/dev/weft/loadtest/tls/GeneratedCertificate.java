package dev.weft.loadtest.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A self-signed RSA-2048 server certificate for {@code localhost} / {@code 127.0.0.1}, made when
 * an engine starts by the {@code keytool} of the running JDK, so no key is ever checked in. The
 * key store lives only in memory once loaded: its temporary file is deleted at once.
 *
 * @param keyStore the PKCS#12 store holding the key and certificate under {@link #ALIAS}
 * @param password the store's (random) password, needed to read the key
 */
public record GeneratedCertificate(KeyStore keyStore, char[] password) {

    /** The alias of the key entry. */
    public static final String ALIAS = "weft-loadtest";
    private static final long KEYTOOL_LIMIT_SECONDS = 60;

    /**
     * Generates a new key pair and certificate.
     *
     * @throws IOException when {@code keytool} is missing or fails
     */
    public static GeneratedCertificate generate() throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("no keytool in " + keytool.getParent() + ": cannot generate the HTTPS certificate");
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        Path dir = Files.createTempDirectory("weft-loadtest-tls");
        Path file = dir.resolve("server.p12");
        try {
            run(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "7", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(password), "-keypass", new String(password), "-noprompt"));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return new GeneratedCertificate(store, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated key store", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(KEYTOOL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the certificate", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output.strip());
        }
    }

    /** A key manager factory over the generated key, for a server's TLS context. */
    public KeyManagerFactory keyManagerFactory() throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, password);
        return factory;
    }
}
