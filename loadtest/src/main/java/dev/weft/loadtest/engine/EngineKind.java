package dev.weft.loadtest.engine;

import dev.weft.core.ThreadMode;
import dev.weft.loadtest.Labelled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The engines under test, by the name used on the command line and in the report, with the
 * {@link Service}s each one runs and, for every other service, why it does not: a scenario an
 * engine has no meaning for is reported as "n/a" with that reason, never silently left out.
 */
public enum EngineKind implements Labelled {
    /** Weft, one virtual thread per connection (the default engine). */
    WEFT_VIRTUAL("weft-virtual"),
    /** Weft, the same code with one platform thread per connection. */
    WEFT_PLATFORM("weft-platform"),
    /** A {@code java.nio} selector reactor, one loop per core. */
    REACTOR("reactor"),
    /** Netty on native epoll (required on Linux x86_64), the industrial reactor. */
    NETTY("netty"),
    /** Helidon SE 4 WebServer: the other virtual-thread-per-connection server. */
    HELIDON("helidon"),
    /** Jetty 12.1, only as the second HTTP/2 (h2c) contrast. */
    JETTY("jetty");

    /** Why Weft lacks a service today; each goes away when its feature lands (see the load note). */
    private static final String NO_RELAY = "no UDP chat relay: the fan-out scenario measures Weft's relay alone";
    private static final String UDP_ONCE = "UDP has no thread mode: measured once, on weft-virtual";
    private static final String NO_UDP = "no UDP server: Netty is the UDP echo contrast";

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The services this engine runs. */
    public Set<Service> services() {
        return switch (this) {
            case WEFT_VIRTUAL -> EnumSet.of(Service.ECHO, Service.HTTP, Service.HTTPS, Service.WEBSOCKET, Service.H2C,
                    Service.UDP_RELAY, Service.UDP_ECHO);
            case WEFT_PLATFORM -> EnumSet.of(Service.ECHO, Service.HTTP, Service.HTTPS, Service.WEBSOCKET, Service.H2C);
            case REACTOR -> EnumSet.of(Service.ECHO, Service.HTTP);
            case NETTY -> EnumSet.of(Service.ECHO, Service.HTTP, Service.HTTPS, Service.WEBSOCKET, Service.H2C,
                    Service.UDP_ECHO);
            case HELIDON -> EnumSet.of(Service.HTTP);
            case JETTY -> EnumSet.of(Service.H2C);
        };
    }

    /** Why this engine does not run {@code service}; empty when it does. */
    public Optional<String> notApplicable(Service service) {
        if (services().contains(service)) {
            return Optional.empty();
        }
        return Optional.of(switch (this) {
            case WEFT_VIRTUAL, WEFT_PLATFORM -> switch (service) {
                case UDP_RELAY, UDP_ECHO -> UDP_ONCE;
                case ECHO, HTTP, HTTPS, WEBSOCKET, H2C -> throw new IllegalStateException(this + " serves " + service);
            };
            case REACTOR -> switch (service) {
                case UDP_RELAY -> NO_RELAY;
                case UDP_ECHO -> NO_UDP;
                default -> "the reactor is a minimal model of the event-loop design: plain echo and HTTP/1.1 only";
            };
            case NETTY -> NO_RELAY;
            case HELIDON -> switch (service) {
                case ECHO -> "Helidon SE WebServer has no raw TCP server";
                case UDP_RELAY -> NO_RELAY;
                case UDP_ECHO -> NO_UDP;
                default -> "not configured: Netty is the TLS, WebSocket and HTTP/2 contrast (and Jetty for HTTP/2)";
            };
            case JETTY -> switch (service) {
                case UDP_RELAY -> NO_RELAY;
                case UDP_ECHO -> NO_UDP;
                default -> "Jetty runs only the HTTP/2 scenario here; Netty and Helidon are the HTTP/1.1 contrast";
            };
        });
    }

    /**
     * The JVM options this engine is run with beyond the ones all engines share: Netty gets what
     * its own documentation and benchmarks use, so it is measured at its best — access to
     * {@code sun.nio.ch} and {@code java.nio} (direct buffers without cleaners), and on Java 23
     * and later {@code --sun-misc-unsafe-memory-access=allow}, without which Netty 4.2 turns its
     * use of {@code Unsafe} off on Java 24 and later.
     *
     * @param javaFeatureVersion the feature version of the JVM that will run the engine
     */
    public List<String> jvmOptions(int javaFeatureVersion) {
        if (this != NETTY) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"));
        if (javaFeatureVersion >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    /** Starts this engine; returns once every one of its services listens. */
    public Engine start(EngineOptions options) throws IOException {
        return switch (this) {
            case WEFT_VIRTUAL -> WeftEngine.start(this, ThreadMode.VIRTUAL, options);
            case WEFT_PLATFORM -> WeftEngine.start(this, ThreadMode.PLATFORM, options);
            case REACTOR -> ReactorEngine.start(options);
            case NETTY -> NettyEngine.start(options);
            case HELIDON -> HelidonEngine.start(options);
            case JETTY -> JettyEngine.start(options);
        };
    }

    /**
     * The EngineKind with the given label.
     *
     * @throws IllegalArgumentException naming the known labels
     */
    public static EngineKind byLabel(String label) {
        return Labelled.byLabel(EngineKind.class, label);
    }

    /** All labels, in order. */
    public static List<String> labels() {
        return Labelled.labels(EngineKind.class);
    }
}
