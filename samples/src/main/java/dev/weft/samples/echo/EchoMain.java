package dev.weft.samples.echo;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.samples.tls.CertificateOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code echo [--port N] [--host ADDRESS] [--tls [--cert CHAIN.pem --key KEY.pem
 * [--key-password-file F]]]}: a TCP echo server, over TLS with {@code --tls}.
 */
@Command(name = "echo", description = "TCP echo server: writes back every byte it reads.")
public final class EchoMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 7007;

    @Option(names = "--tls", description = "speak TLS on --port (try: openssl s_client -connect 127.0.0.1:7007)")
    private boolean tls;

    @Mixin
    private CertificateOptions certificate = new CertificateOptions();

    private EchoMain() {
    }

    @Override
    protected void validate() {
        certificate.validate(tls, "--tls");
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        TcpServerConfig.Builder server = TcpServerConfig.builder().name("echo").host(host()).port(port);
        if (tls) {
            server.tls(certificate.tlsConfig("echo"));
        }
        TcpServerConfig config = server.build();
        return List.of(DaggerEchoComponent.factory().create(config).server().start());
    }

    /** Runs the echo sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new EchoMain(), args);
    }
}
