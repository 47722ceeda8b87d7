package dev.weft.samples.echo;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code echo [--port N] [--host ADDRESS]}: a TCP echo server. */
@Command(name = "echo", description = "TCP echo server: writes back every byte it reads.")
public final class EchoMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 7007;

    private EchoMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        TcpServerConfig config = TcpServerConfig.builder().name("echo").host(host()).port(port).build();
        return List.of(DaggerEchoComponent.factory().create(config).server().start());
    }

    /** Runs the echo sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new EchoMain(), args);
    }
}
