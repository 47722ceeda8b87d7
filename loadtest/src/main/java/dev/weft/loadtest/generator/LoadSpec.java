package dev.weft.loadtest.generator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One load step.
 *
 * @param target          the server
 * @param sourceAddresses local addresses the clients bind to in turn (several loopback
 *                        addresses multiply the usable ephemeral ports); empty lets the kernel choose
 * @param protocol        what the clients say
 * @param connections     how many clients, each with its own connection and virtual thread
 * @param mode            closed-loop or open-loop at a fixed rate
 * @param reuse           keep-alive or a new connection per round trip
 * @param warmup          how long the load runs before latencies and counts are recorded
 * @param measure         how long they are recorded
 * @param requestTimeout  how long one round trip may wait for its answer before it counts as a
 *                        timeout (the connection is then closed and opened again)
 */
public record LoadSpec(InetSocketAddress target, List<InetAddress> sourceAddresses, Protocol protocol,
                       int connections, LoadMode mode, ConnectionReuse reuse, Duration warmup,
                       Duration measure, Duration requestTimeout) {

    /** Validates. */
    public LoadSpec {
        Objects.requireNonNull(target, "target");
        sourceAddresses = List.copyOf(sourceAddresses);
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reuse, "reuse");
        if (connections <= 0) {
            throw new IllegalArgumentException("connections must be > 0: " + connections);
        }
        if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
            throw new IllegalArgumentException("need warmup >= 0 and measure > 0: " + warmup + ", " + measure);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    /** A closed-loop keep-alive step against {@code target} from the default source address. */
    public static LoadSpec closedLoop(InetSocketAddress target, Protocol protocol, int connections,
                                      Duration warmup, Duration measure) {
        return new LoadSpec(target, List.of(), protocol, connections, new LoadMode.ClosedLoop(),
                ConnectionReuse.KEEP_ALIVE, warmup, measure, Duration.ofSeconds(5));
    }

    /** A copy with another mode. */
    public LoadSpec withMode(LoadMode value) {
        return new LoadSpec(target, sourceAddresses, protocol, connections, value, reuse, warmup, measure, requestTimeout);
    }

    /** A copy with another connection reuse. */
    public LoadSpec withReuse(ConnectionReuse value) {
        return new LoadSpec(target, sourceAddresses, protocol, connections, mode, value, warmup, measure, requestTimeout);
    }

    /** A copy with other source addresses. */
    public LoadSpec withSourceAddresses(List<InetAddress> value) {
        return new LoadSpec(target, value, protocol, connections, mode, reuse, warmup, measure, requestTimeout);
    }

    /** A copy with another request timeout. */
    public LoadSpec withRequestTimeout(Duration value) {
        return new LoadSpec(target, sourceAddresses, protocol, connections, mode, reuse, warmup, measure, value);
    }
}
