package dev.weft.samples.udpecho;

import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.udp.UdpServerConfig;
import java.util.List;

/** {@code udp-echo --port N [--host ADDRESS]}: a UDP echo server. */
public final class UdpEchoMain {

    private static final Option<Integer> PORT = Option.port("port", 7007, "UDP port to receive on");
    private static final Option<String> HOST = Option.host("0.0.0.0");

    private UdpEchoMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("udp-echo", "UDP echo server: sends every datagram back to its sender.",
                List.of(PORT, HOST), args, options -> {
                    UdpServerConfig config = UdpServerConfig.builder().name("udp-echo")
                            .host(options.get(HOST)).port(options.get(PORT)).build();
                    return List.of(DaggerUdpEchoComponent.factory().create(config).server().start());
                });
    }

    /** Runs the UDP echo sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
