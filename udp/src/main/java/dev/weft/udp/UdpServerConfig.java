package dev.weft.udp;

import static dev.weft.udp.ConfigChecks.requirePositive;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link UdpServer}. Every limit has a safe default (see {@link
 * #builder()}), is validated here once, and has a defined outcome when exceeded.
 *
 * @param name                 a short name used in thread names and log lines ({@code "udp"})
 * @param host                 the address to bind: a literal IP or a host name; {@code "0.0.0.0"}
 *                             (the default) receives on every interface
 * @param port                 the port to bind; 0 picks a free ephemeral port, readable with
 *                             {@link UdpServer#port()} after start
 * @param receiveBufferBytes   {@code SO_RCVBUF}: how many bytes of datagrams the kernel holds
 *                             while the receive loop is busy; default 1 MiB. UDP has no flow
 *                             control, so a burst larger than this is dropped by the kernel,
 *                             silently; raise it for bursty traffic. Linux caps it at
 *                             {@code net.core.rmem_max}
 * @param sendBufferBytes      {@code SO_SNDBUF}: how many bytes of outgoing datagrams the kernel
 *                             queues before the server's send thread waits; default 1 MiB. Linux
 *                             caps it at {@code net.core.wmem_max}
 * @param maxDatagramBytes     the longest payload accepted, from 1 to 65,507 (the IPv4 maximum);
 *                             default 8,192. The server receives into a buffer one byte larger,
 *                             so a longer datagram is detected (never silently truncated), dropped
 *                             and counted in {@link UdpMetrics#droppedOversized()}
 * @param dispatch             where the handler runs; default {@link Dispatch#INLINE} (see there
 *                             for why and for the trade-off)
 * @param maxInFlightDatagrams with {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM}, the most datagrams
 *                             handled at once; default 1,024. Each holds a copy of its payload and
 *                             a virtual thread, so this bounds memory; a datagram arriving over
 *                             the limit is dropped and counted in {@link UdpMetrics#droppedQueueFull()}.
 *                             Unused with {@link Dispatch#INLINE}
 * @param sendQueueDatagrams   how many outgoing datagrams may wait for the server's send thread;
 *                             default 16,384. Sends never block the caller: over this many waiting
 *                             a datagram is dropped and counted in
 *                             {@link UdpMetrics#droppedSendQueueFull()}, as UDP would drop it in a
 *                             full socket buffer. A relay message to a room of N peers queues N
 *                             datagrams, so size this for the largest burst of fan-out
 * @param shutdownGrace        how long {@link UdpServer#close()} lets datagrams being handled finish
 *                             before their threads are interrupted; default 5 seconds
 */
public record UdpServerConfig(String name, String host, int port, int receiveBufferBytes,
                              int sendBufferBytes, int maxDatagramBytes, Dispatch dispatch,
                              int maxInFlightDatagrams, int sendQueueDatagrams, Duration shutdownGrace) {

    /** The largest UDP payload over IPv4: 65,535 minus the IP and UDP headers. */
    public static final int MAX_UDP_PAYLOAD_BYTES = 65_507;

    /** Validates every component. */
    public UdpServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        requirePositive(receiveBufferBytes, "receiveBufferBytes");
        requirePositive(sendBufferBytes, "sendBufferBytes");
        requirePositive(maxInFlightDatagrams, "maxInFlightDatagrams");
        requirePositive(sendQueueDatagrams, "sendQueueDatagrams");
        if (maxDatagramBytes <= 0 || maxDatagramBytes > MAX_UDP_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("maxDatagramBytes must be in 1.." + MAX_UDP_PAYLOAD_BYTES
                    + ": " + maxDatagramBytes);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /** A builder holding the defaults documented on each component. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, bound to {@code 127.0.0.1} on {@code port} (0 for an ephemeral port). */
    public static UdpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** A builder initialised from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link UdpServerConfig}; starts from the documented defaults. */
    public static final class Builder {
        private String name = "udp";
        private String host = "0.0.0.0";
        private int port;
        private int receiveBufferBytes = 1 << 20;
        private int sendBufferBytes = 1 << 20;
        private int maxDatagramBytes = 8_192;
        private Dispatch dispatch = Dispatch.INLINE;
        private int maxInFlightDatagrams = 1_024;
        private int sendQueueDatagrams = 16_384;
        private Duration shutdownGrace = Duration.ofSeconds(5);

        private Builder() {
        }

        private Builder(UdpServerConfig c) {
            name = c.name;
            host = c.host;
            port = c.port;
            receiveBufferBytes = c.receiveBufferBytes;
            sendBufferBytes = c.sendBufferBytes;
            maxDatagramBytes = c.maxDatagramBytes;
            dispatch = c.dispatch;
            maxInFlightDatagrams = c.maxInFlightDatagrams;
            sendQueueDatagrams = c.sendQueueDatagrams;
            shutdownGrace = c.shutdownGrace;
        }

        /** See {@link UdpServerConfig#name()}. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** See {@link UdpServerConfig#host()}. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** See {@link UdpServerConfig#port()}. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** See {@link UdpServerConfig#receiveBufferBytes()}. */
        public Builder receiveBufferBytes(int value) {
            receiveBufferBytes = value;
            return this;
        }

        /** See {@link UdpServerConfig#sendBufferBytes()}. */
        public Builder sendBufferBytes(int value) {
            sendBufferBytes = value;
            return this;
        }

        /** See {@link UdpServerConfig#maxDatagramBytes()}. */
        public Builder maxDatagramBytes(int value) {
            maxDatagramBytes = value;
            return this;
        }

        /** See {@link UdpServerConfig#dispatch()}. */
        public Builder dispatch(Dispatch value) {
            dispatch = value;
            return this;
        }

        /** See {@link UdpServerConfig#maxInFlightDatagrams()}. */
        public Builder maxInFlightDatagrams(int value) {
            maxInFlightDatagrams = value;
            return this;
        }

        /** See {@link UdpServerConfig#sendQueueDatagrams()}. */
        public Builder sendQueueDatagrams(int value) {
            sendQueueDatagrams = value;
            return this;
        }

        /** See {@link UdpServerConfig#shutdownGrace()}. */
        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        /** Validates and builds. */
        public UdpServerConfig build() {
            return new UdpServerConfig(name, host, port, receiveBufferBytes, sendBufferBytes,
                    maxDatagramBytes, dispatch, maxInFlightDatagrams, sendQueueDatagrams, shutdownGrace);
        }
    }
}
