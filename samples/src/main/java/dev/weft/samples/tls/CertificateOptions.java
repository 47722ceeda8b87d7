package dev.weft.samples.tls;

import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The certificate options of every sample that serves TLS ({@code http --https-port},
 * {@code echo --tls}, {@code chat --tls}), as a picocli mixin: {@code --cert CHAIN.pem --key
 * KEY.pem [--key-password-file FILE]}, or none of them for a {@link DevelopmentCertificate} made
 * at start — its SHA-256 fingerprint logged, its certificate (never its key) written to a file
 * the log names, for {@code curl --cacert}.
 */
public final class CertificateOptions {

    private static final Logger log = LoggerFactory.getLogger(CertificateOptions.class);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--cert", paramLabel = "CHAIN.pem",
            description = "TLS certificate chain in PEM, the server's own certificate first (default: a development"
                    + " certificate for localhost, made at start and kept in memory)")
    private Optional<Path> chain = Optional.empty();

    @Option(names = "--key", paramLabel = "KEY.pem",
            description = "the private key of --cert in PEM: PKCS#8, RSA or EC, encrypted or not")
    private Optional<Path> key = Optional.empty();

    @Option(names = "--key-password-file", paramLabel = "FILE",
            description = "a file whose first line is the password of an encrypted --key")
    private Optional<Path> passwordFile = Optional.empty();

    /** For picocli. */
    public CertificateOptions() {
    }

    /**
     * Refuses certificate options that cannot take effect: any of them while TLS is off, and
     * {@code --cert} without {@code --key} or the other way round.
     *
     * @param tls       whether the sample serves TLS
     * @param tlsOption the option that turns TLS on, for the message
     * @throws ParameterException ending the run with the usage and exit status 2
     */
    public void validate(boolean tls, String tlsOption) {
        if (!tls && (chain.isPresent() || key.isPresent() || passwordFile.isPresent())) {
            throw new ParameterException(mixee.commandLine(), "--cert, --key and --key-password-file need " + tlsOption);
        }
        if (chain.isPresent() != key.isPresent()) {
            throw new ParameterException(mixee.commandLine(), "--cert and --key go together: give both, or neither"
                    + " for a development certificate");
        }
        if (passwordFile.isPresent() && key.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "--key-password-file needs --key");
        }
    }

    /**
     * The TLS configuration: the files given, watched for changes; or a development certificate,
     * whose fingerprint is logged and whose certificate is written to a temporary file named in
     * the log.
     *
     * @param sample the sample's name, for the log line and the file's name
     * @throws TlsConfigException when the password file cannot be read (the certificate files
     *     themselves are read when the server starts)
     */
    public TlsConfig tlsConfig(String sample) throws IOException {
        if (chain.isPresent() && key.isPresent()) {
            KeyMaterial files = passwordFile.isPresent()
                    ? KeyMaterial.pem(chain.get(), key.get(), password(passwordFile.get()))
                    : KeyMaterial.pem(chain.get(), key.get());
            return TlsConfig.builder().certificate(files).build();
        }
        DevelopmentCertificate development = DevelopmentCertificate.create();
        Path pem = Files.createTempFile(sample + "-development-certificate-", ".pem");
        pem.toFile().deleteOnExit();
        development.writeCertificate(pem);
        // WARN: whoever runs this should see that clients will not trust the server until told to.
        log.warn("{}: TLS with a self-signed development certificate for {} (SHA-256 {}), made at start and kept in"
                        + " memory; clients do not trust it: its certificate is in {} (curl --cacert {} https://localhost:PORT/)",
                sample, String.join(", ", DevelopmentCertificate.NAMES), development.sha256Fingerprint(), pem, pem);
        return TlsConfig.builder().certificate(development.keyMaterial()).noReloadChecks().build();
    }

    private static String password(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(file + ": no such file (--key-password-file)");
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new TlsConfigException(file + ": the first line is empty; it should hold the key's password");
        }
        return lines.get(0);
    }
}
