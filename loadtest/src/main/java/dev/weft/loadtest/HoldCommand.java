package dev.weft.loadtest;

import dev.weft.loadtest.generator.IdleHolder;
import dev.weft.loadtest.generator.Protocol;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hold}: opens idle connections for the idle step and holds them (a child process of a run). */
@Command(name = "hold", mixinStandardHelpOptions = true,
        description = "Holds idle connections until standard input ends; 'check' makes one round trip on each.")
final class HoldCommand implements Callable<Integer> {

    /** What the held connections speak. */
    enum HeldProtocol {
        /** HTTP keep-alive {@code GET /hello}. */
        HTTP,
        /** 64-byte echo. */
        ECHO
    }

    @Option(names = "--port", required = true, description = "the server's port on loopback")
    private int port;

    @Option(names = "--protocol", required = true, description = "http or echo")
    private HeldProtocol protocol;

    @Option(names = "--connections", required = true, description = "how many connections to hold")
    private int connections;

    @Option(names = "--source", required = true, description = "the local address to connect from")
    private InetAddress source;

    @Override
    public Integer call() throws Exception {
        Protocol spoken = protocol == HeldProtocol.HTTP ? new Protocol.Http(1) : new Protocol.Echo(64);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try (IdleHolder holder = IdleHolder.open(target, source, spoken, connections, Duration.ofSeconds(30))) {
            System.out.println("HELD held=" + holder.held() + " failed=" + holder.failed());
            System.out.flush();
            for (String command; (command = stdin.readLine()) != null; ) {
                if (command.trim().equals("check")) {
                    System.out.println("ALIVE alive=" + holder.check());
                    System.out.flush();
                }
            }
        }
        return 0;
    }
}
