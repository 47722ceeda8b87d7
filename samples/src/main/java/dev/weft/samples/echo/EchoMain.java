package dev.weft.samples.echo;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.util.List;

/** {@code echo --port N [--host ADDRESS]}: a TCP echo server. */
public final class EchoMain {

    private static final Option<Integer> PORT = Option.port("port", 7007, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");

    private EchoMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("echo", "TCP echo server: writes back every byte it reads.",
                List.of(PORT, HOST), args, options -> {
                    TcpServerConfig config = TcpServerConfig.builder().name("echo")
                            .host(options.get(HOST)).port(options.get(PORT)).build();
                    return List.of(DaggerEchoComponent.factory().create(config).server().start());
                });
    }

    /** Runs the echo sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
