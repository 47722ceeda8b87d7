package dev.weft.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of a {@link TcpServer}. Every limit has a safe default (see {@link
 * #builder()}), is validated here once, and has a defined outcome when exceeded.
 *
 * @param name               a short name used in thread names and log lines ({@code "tcp"})
 * @param host               the address to bind: a literal IP or a host name; {@code "0.0.0.0"}
 *                           (the default) listens on every interface
 * @param port               the port to bind; 0 picks a free ephemeral port, readable with
 *                           {@link TcpServer#port()} after start
 * @param acceptBacklog      how many connections the kernel may queue before they are accepted;
 *                           default 1,024 (Linux further caps it at {@code net.core.somaxconn})
 * @param socketOptions      socket options; default {@link SocketOptions#DEFAULTS}
 * @param idleTimeout        how long one read may wait for data before the connection is closed
 *                           as idle (the read fails with {@code SocketTimeoutException}); default
 *                           5 minutes. Shorter frees resources held by dead peers sooner; longer
 *                           suits quiet long-lived clients. Enforced within a quarter of the
 *                           timeout (at most one second) by the server's deadline watchdog
 * @param writeTimeout       how long one write (or zero-copy transfer) may wait for a peer that
 *                           does not read before the connection is closed; default 30 seconds.
 *                           This is what frees a thread blocked on a peer that stopped reading
 * @param maxConnections     the most connections served at once; default 10,000. A connection
 *                           accepted over the limit is closed at once (the peer reads
 *                           end-of-stream) and counted in {@link ServerMetrics#rejected()}, so the
 *                           backlog never fills with clients waiting for a slot. Each connection
 *                           costs one file descriptor: keep this under the process's open-files
 *                           limit
 * @param shutdownGrace      how long {@link TcpServer#close()} lets live connections finish before
 *                           closing them; default 10 seconds
 * @param readBufferBytes    the size of each connection's read buffer, allocated on first use;
 *                           default 8 KiB. Reads larger than this bypass it
 * @param writeBufferBytes   the size of each connection's write buffer, allocated on first use;
 *                           default 8 KiB. Writes larger than this bypass it
 * @param outboundQueueBytes how many bytes of {@link Client#send queued messages} a client may
 *                           have waiting before it is disconnected as too slow; default 1 MiB.
 *                           A single message larger than this is still accepted into an empty
 *                           queue
 * @param threadMode         the kind of thread per connection; default {@link ThreadMode#VIRTUAL}
 * @param admission          the policy consulted for every accepted connection before it is
 *                           served, for example a per-address limit; default
 *                           {@link ConnectionAdmission#admitAll()}. A refused connection is closed
 *                           at once and counted in {@link ServerMetrics#rejected()}
 */
public record TcpServerConfig(String name, String host, int port, int acceptBacklog,
                              SocketOptions socketOptions, Duration idleTimeout,
                              Duration writeTimeout, int maxConnections, Duration shutdownGrace,
                              int readBufferBytes, int writeBufferBytes, int outboundQueueBytes,
                              ThreadMode threadMode, ConnectionAdmission admission) {

    /** Validates every component. */
    public TcpServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(socketOptions, "socketOptions");
        Objects.requireNonNull(threadMode, "threadMode");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        requirePositive(acceptBacklog, "acceptBacklog");
        requirePositive(maxConnections, "maxConnections");
        requirePositive(readBufferBytes, "readBufferBytes");
        requirePositive(writeBufferBytes, "writeBufferBytes");
        requirePositive(outboundQueueBytes, "outboundQueueBytes");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /** The configuration with {@link ConnectionAdmission#admitAll()}, as before admission existed. */
    public TcpServerConfig(String name, String host, int port, int acceptBacklog,
                           SocketOptions socketOptions, Duration idleTimeout, Duration writeTimeout,
                           int maxConnections, Duration shutdownGrace, int readBufferBytes,
                           int writeBufferBytes, int outboundQueueBytes, ThreadMode threadMode) {
        this(name, host, port, acceptBacklog, socketOptions, idleTimeout, writeTimeout, maxConnections,
                shutdownGrace, readBufferBytes, writeBufferBytes, outboundQueueBytes, threadMode,
                ConnectionAdmission.admitAll());
    }

    /** A builder holding the defaults documented on each component. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, bound to {@code 127.0.0.1} on {@code port} (0 for an ephemeral port). */
    public static TcpServerConfig loopback(int port) {
        return builder().host("127.0.0.1").port(port).build();
    }

    /** A builder initialised from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requirePositive(int value, String component) {
        if (value <= 0) {
            throw new IllegalArgumentException(component + " must be > 0: " + value);
        }
    }

    private static void requirePositive(Duration value, String component) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(component + " must be positive: " + value);
        }
    }

    /** Builds a {@link TcpServerConfig}; starts from the documented defaults. */
    public static final class Builder {
        private String name = "tcp";
        private String host = "0.0.0.0";
        private int port;
        private int acceptBacklog = 1_024;
        private SocketOptions socketOptions = SocketOptions.DEFAULTS;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private int maxConnections = 10_000;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private int readBufferBytes = 8_192;
        private int writeBufferBytes = 8_192;
        private int outboundQueueBytes = 1 << 20;
        private ThreadMode threadMode = ThreadMode.VIRTUAL;
        private ConnectionAdmission admission = ConnectionAdmission.admitAll();

        private Builder() {
        }

        private Builder(TcpServerConfig c) {
            name = c.name;
            host = c.host;
            port = c.port;
            acceptBacklog = c.acceptBacklog;
            socketOptions = c.socketOptions;
            idleTimeout = c.idleTimeout;
            writeTimeout = c.writeTimeout;
            maxConnections = c.maxConnections;
            shutdownGrace = c.shutdownGrace;
            readBufferBytes = c.readBufferBytes;
            writeBufferBytes = c.writeBufferBytes;
            outboundQueueBytes = c.outboundQueueBytes;
            threadMode = c.threadMode;
            admission = c.admission;
        }

        /** See {@link TcpServerConfig#name()}. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** See {@link TcpServerConfig#host()}. */
        public Builder host(String value) {
            host = value;
            return this;
        }

        /** See {@link TcpServerConfig#port()}. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** See {@link TcpServerConfig#acceptBacklog()}. */
        public Builder acceptBacklog(int value) {
            acceptBacklog = value;
            return this;
        }

        /** See {@link TcpServerConfig#socketOptions()}. */
        public Builder socketOptions(SocketOptions value) {
            socketOptions = value;
            return this;
        }

        /** See {@link TcpServerConfig#idleTimeout()}. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** See {@link TcpServerConfig#writeTimeout()}. */
        public Builder writeTimeout(Duration value) {
            writeTimeout = value;
            return this;
        }

        /** See {@link TcpServerConfig#maxConnections()}. */
        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        /** See {@link TcpServerConfig#shutdownGrace()}. */
        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        /** See {@link TcpServerConfig#readBufferBytes()}. */
        public Builder readBufferBytes(int value) {
            readBufferBytes = value;
            return this;
        }

        /** See {@link TcpServerConfig#writeBufferBytes()}. */
        public Builder writeBufferBytes(int value) {
            writeBufferBytes = value;
            return this;
        }

        /** See {@link TcpServerConfig#outboundQueueBytes()}. */
        public Builder outboundQueueBytes(int value) {
            outboundQueueBytes = value;
            return this;
        }

        /** See {@link TcpServerConfig#threadMode()}. */
        public Builder threadMode(ThreadMode value) {
            threadMode = value;
            return this;
        }

        /** See {@link TcpServerConfig#admission()}. */
        public Builder admission(ConnectionAdmission value) {
            admission = value;
            return this;
        }

        /** Validates and builds. */
        public TcpServerConfig build() {
            return new TcpServerConfig(name, host, port, acceptBacklog, socketOptions, idleTimeout,
                    writeTimeout, maxConnections, shutdownGrace, readBufferBytes, writeBufferBytes,
                    outboundQueueBytes, threadMode, admission);
        }
    }
}
