package dev.weft.udp;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link UdpServer}. Every limit has a safe default (see {@link
 * #builder()}), is validated once, and has a defined outcome when exceeded. Build it with the
 * flat setters of the builder; the sub-records group what belongs together.
 *
 * <pre>{@code
 * UdpServerConfig config = UdpServerConfig.builder().name("relay").port(7009)
 *         .receiveBufferBytes(4 << 20).dispatch(Dispatch.INLINE).build();
 * }</pre>
 *
 * @param name          a short name used in thread names and log lines; default {@code "udp"}
 * @param host          the address to bind: a literal IP or a host name; {@code "0.0.0.0"} (the
 *                      default) receives on every interface
 * @param port          the port to bind; 0 (the default) picks a free ephemeral port, readable
 *                      with {@link UdpServer#port()} after start
 * @param buffers       the datagram size limit and the buffers in flight
 * @param dispatch      where the handler runs and how many datagrams it handles at once
 * @param shutdownGrace how long {@link UdpServer#close()} lets datagrams being handled finish
 *                      before their threads are interrupted; default 5 seconds
 */
public record UdpServerConfig(String name, String host, int port, DatagramBuffers buffers,
                              DispatchConfig dispatch, Duration shutdownGrace) {

    /** Validates every component. */
    public UdpServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(buffers, "buffers");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /** {@return a builder holding the defaults documented on each component} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, bound to {@code 127.0.0.1} on {@code port}.
     *
     * @param port the port, 0 to 65535; 0 for an ephemeral port
     * @return the configuration
     */
    public static UdpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** {@return a builder initialised from this configuration} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link UdpServerConfig} with flat setters; starts from the documented defaults. */
    public static final class Builder {
        private String name = "udp";
        private String host = "0.0.0.0";
        private int port;
        private int maxDatagramBytes = DatagramBuffers.DEFAULTS.maxDatagramBytes();
        private int receiveBufferBytes = DatagramBuffers.DEFAULTS.receiveBufferBytes();
        private int sendBufferBytes = DatagramBuffers.DEFAULTS.sendBufferBytes();
        private int sendQueueDatagrams = DatagramBuffers.DEFAULTS.sendQueueDatagrams();
        private Dispatch dispatch = DispatchConfig.DEFAULTS.mode();
        private int maxInFlightDatagrams = DispatchConfig.DEFAULTS.maxInFlightDatagrams();
        private Duration shutdownGrace = Duration.ofSeconds(5);

        private Builder() {
        }

        private Builder(UdpServerConfig c) {
            name = c.name;
            host = c.host;
            port = c.port;
            maxDatagramBytes = c.buffers.maxDatagramBytes();
            receiveBufferBytes = c.buffers.receiveBufferBytes();
            sendBufferBytes = c.buffers.sendBufferBytes();
            sendQueueDatagrams = c.buffers.sendQueueDatagrams();
            dispatch = c.dispatch.mode();
            maxInFlightDatagrams = c.dispatch.maxInFlightDatagrams();
            shutdownGrace = c.shutdownGrace;
        }

        /**
         * Sets the server's name; see {@link UdpServerConfig#name()}.
         *
         * @param value a short, non-blank name used in thread names and log lines
         * @return this builder
         */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /**
         * Sets the address to bind; see {@link UdpServerConfig#host()}.
         *
         * @param value a literal IP or a host name, not null; {@code "0.0.0.0"} for every interface
         * @return this builder
         */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /**
         * Sets the port to bind; see {@link UdpServerConfig#port()}.
         *
         * @param value the port, 0 to 65535; 0 picks a free ephemeral port
         * @return this builder
         */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /**
         * Sets the longest payload accepted; see {@link DatagramBuffers#maxDatagramBytes()}.
         *
         * @param value the limit in bytes, 1 to {@value DatagramBuffers#MAX_UDP_PAYLOAD_BYTES}
         * @return this builder
         */
        public Builder maxDatagramBytes(int value) {
            maxDatagramBytes = value;
            return this;
        }

        /**
         * Sets {@code SO_RCVBUF}; see {@link DatagramBuffers#receiveBufferBytes()}.
         *
         * @param value the receive buffer size asked of the kernel, in bytes
         * @return this builder
         */
        public Builder receiveBufferBytes(int value) {
            receiveBufferBytes = value;
            return this;
        }

        /**
         * Sets {@code SO_SNDBUF}; see {@link DatagramBuffers#sendBufferBytes()}.
         *
         * @param value the send buffer size asked of the kernel, in bytes
         * @return this builder
         */
        public Builder sendBufferBytes(int value) {
            sendBufferBytes = value;
            return this;
        }

        /**
         * Sets how many outgoing datagrams may wait; see {@link DatagramBuffers#sendQueueDatagrams()}.
         *
         * @param value the queue's capacity, in datagrams
         * @return this builder
         */
        public Builder sendQueueDatagrams(int value) {
            sendQueueDatagrams = value;
            return this;
        }

        /**
         * Sets where the handler runs; see {@link DispatchConfig#mode()}.
         *
         * @param value the dispatch mode, not null
         * @return this builder
         */
        public Builder dispatch(Dispatch value) {
            dispatch = value;
            return this;
        }

        /**
         * Sets the most datagrams handled at once; see {@link DispatchConfig#maxInFlightDatagrams()}.
         *
         * @param value the limit, used with {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM}
         * @return this builder
         */
        public Builder maxInFlightDatagrams(int value) {
            maxInFlightDatagrams = value;
            return this;
        }

        /**
         * Sets how long {@code close()} lets handlers finish; see {@link UdpServerConfig#shutdownGrace()}.
         *
         * @param value the grace period, zero or positive, not null
         * @return this builder
         */
        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws NullPointerException     if a setting was set to null
         * @throws IllegalArgumentException if a setting is out of range
         */
        public UdpServerConfig build() {
            return new UdpServerConfig(name, host, port,
                    new DatagramBuffers(maxDatagramBytes, receiveBufferBytes, sendBufferBytes, sendQueueDatagrams),
                    new DispatchConfig(dispatch, maxInFlightDatagrams), shutdownGrace);
        }
    }
}
