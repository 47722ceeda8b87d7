package dev.weft.samples.udpecho;

import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.udp.UdpServerConfig;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code udp-echo [--port N] [--host ADDRESS]}: a UDP echo server. */
@Command(name = "udp-echo", description = "UDP echo server: sends every datagram back to its sender.")
public final class UdpEchoMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "UDP port to receive on (default: ${DEFAULT-VALUE})")
    private int port = 7007;

    private UdpEchoMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        UdpServerConfig config = UdpServerConfig.builder().name("udp-echo").host(host()).port(port).build();
        return List.of(DaggerUdpEchoComponent.factory().create(config).server().start());
    }

    /** Runs the UDP echo sample on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new UdpEchoMain(), args);
    }
}
