package dev.weft.loadtest.matrix;

import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.generator.ConnectionReuse;
import dev.weft.loadtest.generator.LoadGenerator;
import dev.weft.loadtest.generator.LoadMode;
import dev.weft.loadtest.generator.LoadSpec;
import dev.weft.loadtest.generator.MeasurementListener;
import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.generator.UdpEcho;
import dev.weft.loadtest.tls.ClientTls;
import dev.weft.loadtest.tls.TlsSuite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unrecorded load right after an engine starts, so that the JIT has compiled its hot paths
 * before the first row: the warm-up time is shared between the services the engine runs — echo,
 * HTTP, new TLS connections of both versions, WebSocket echo, UDP echo, and h2c through {@code h2load}
 * when it is installed (by request count: at least {@value #H2_WARM_UP_REQUESTS}, ten per
 * millisecond of its share).
 */
final class EngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(EngineWarmUp.class);
    private static final int CONNECTIONS = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int H2_WARM_UP_REQUESTS = 1_000;

    private EngineWarmUp() {
    }

    /** One part of the warm-up, given its share of the time. */
    private interface Part {
        void run(Duration share) throws InterruptedException;
    }

    static void run(EngineProcess engine, Duration total, Instruments instruments) throws InterruptedException {
        List<Part> parts = new ArrayList<>();
        addGenerator(parts, engine.address(Service.ECHO), new Protocol.Echo(64), ConnectionReuse.KEEP_ALIVE);
        addGenerator(parts, engine.address(Service.HTTP), new Protocol.Http(1), ConnectionReuse.KEEP_ALIVE);
        for (TlsSuite suite : TlsSuite.values()) {
            addGenerator(parts, engine.address(Service.HTTPS), new Protocol.Https(ClientTls.of(suite)),
                    ConnectionReuse.NEW_PER_ROUND_TRIP);
        }
        addGenerator(parts, engine.address(Service.WEBSOCKET), new Protocol.WebSocketEcho(64), ConnectionReuse.KEEP_ALIVE);
        engine.address(Service.UDP_ECHO).ifPresent(address -> parts.add(share -> udpEcho(address, share)));
        Optional<InetSocketAddress> h2c = engine.address(Service.H2C);
        if (h2c.isPresent() && instruments.h2load().isPresent()) {
            parts.add(share -> h2load(instruments.h2load().get().toString(), h2c.get().getPort(), share));
        }
        for (Part part : parts) {
            part.run(total.dividedBy(parts.size()));
        }
    }

    private static void addGenerator(List<Part> parts, Optional<InetSocketAddress> target, Protocol protocol,
                                     ConnectionReuse reuse) {
        target.ifPresent(address -> parts.add(share -> LoadGenerator.run(new LoadSpec(address, List.of(), protocol,
                CONNECTIONS, new LoadMode.ClosedLoop(), reuse, Duration.ZERO, share, TIMEOUT))));
    }

    private static void udpEcho(InetSocketAddress address, Duration share) throws InterruptedException {
        try {
            UdpEcho.run(new UdpEcho.Spec(address, CONNECTIONS, 64, StepRunner.UDP_ECHO_WINDOW, Duration.ZERO, share),
                    MeasurementListener.NONE);
        } catch (IOException e) {
            log.warn("UDP echo warm-up failed: {}", e.toString());
        }
    }

    private static void h2load(String h2load, int port, Duration duration) throws InterruptedException {
        try {
            // By count, not by time: a cold HTTP/2 stack may answer nothing within a short duration.
            long requests = Math.max(H2_WARM_UP_REQUESTS, duration.toMillis() * 10);
            Process process = new ProcessBuilder(h2load, "-t1", "-c" + CONNECTIONS, "-m10", "-n" + requests,
                    "http://127.0.0.1:" + port + "/hello")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("h2load warm-up failed: {}", e.toString());
        }
    }
}
