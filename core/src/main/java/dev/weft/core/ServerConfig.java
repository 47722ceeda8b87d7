package dev.weft.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What every connection-oriented Weft server honours, whatever its protocol: where it listens,
 * how many connections it serves, how long a write may wait, how it stops, and on what kind of
 * thread each connection runs. Protocol servers add their own settings around it
 * ({@link TcpServerConfig}, and the HTTP server's configuration).
 *
 * @param listener       where and how to listen
 * @param maxConnections the most connections served at once; default 10,000. A connection
 *                       accepted over the limit is closed at once (the peer reads end-of-stream)
 *                       and counted in {@link ServerMetrics#rejected()}, so the backlog never
 *                       fills with clients waiting for a slot. Each connection costs one file
 *                       descriptor: keep this under the process's open-files limit
 * @param admission      the policy consulted for every accepted connection before it is
 *                       served, for example a per-address limit; default
 *                       {@link ConnectionAdmission#admitAll()}. A refused connection is closed at
 *                       once and counted in {@link ServerMetrics#rejected()}
 * @param writeTimeout   how long one write (or one chunk of a zero-copy transfer) may wait for a
 *                       peer that does not read before the connection is closed; default 30
 *                       seconds. This is what frees a thread blocked on a peer that stopped
 *                       reading; a shorter timeout frees it sooner but cuts off slow networks
 * @param shutdownGrace  how long {@code close()} lets live connections finish before closing
 *                       them; default 10 seconds
 * @param threadMode     the kind of thread per connection; default {@link ThreadMode#VIRTUAL}
 */
public record ServerConfig(ListenerConfig listener, int maxConnections, ConnectionAdmission admission,
                           Duration writeTimeout, Duration shutdownGrace, ThreadMode threadMode) {

    /** Validates every component. */
    public ServerConfig {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(threadMode, "threadMode");
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be > 0: " + maxConnections);
        }
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("writeTimeout must be positive: " + writeTimeout);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
    }

    /** {@return the server's name, from its {@link #listener()}} */
    public String name() {
        return listener.name();
    }

    /**
     * The flat setters of a {@link ServerConfig}, shared by the builders of every server's
     * configuration so that an application writes {@code .name("chat").port(7008)} whatever the
     * server. Starts from the documented defaults.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class Settings<B extends Settings<B>> {
        private String name = ListenerConfig.DEFAULT_NAME;
        private String host = ListenerConfig.ANY_HOST;
        private int port;
        private int acceptBacklog = ListenerConfig.DEFAULT_BACKLOG;
        private SocketOptions socketOptions = SocketOptions.DEFAULTS;
        private SocketIo socketIo = SocketIo.AUTO;
        private int maxConnections = 10_000;
        private ConnectionAdmission admission = ConnectionAdmission.admitAll();
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private ThreadMode threadMode = ThreadMode.VIRTUAL;

        /** Starts from the defaults. */
        protected Settings() {
        }

        /** {@return this builder, typed as the concrete one} */
        protected abstract B self();

        /**
         * Replaces every server setting with those of {@code server}.
         *
         * @param server the configuration to copy every listener and server setting from
         * @return this builder
         */
        public B server(ServerConfig server) {
            ListenerConfig l = server.listener();
            name = l.name();
            host = l.host();
            port = l.port();
            acceptBacklog = l.acceptBacklog();
            socketOptions = l.socketOptions();
            socketIo = l.socketIo();
            maxConnections = server.maxConnections();
            admission = server.admission();
            writeTimeout = server.writeTimeout();
            shutdownGrace = server.shutdownGrace();
            threadMode = server.threadMode();
            return self();
        }

        /**
         * Sets the server's name; see {@link ListenerConfig#name()}.
         *
         * @param value a short, non-blank name used in thread names and log lines
         * @return this builder
         */
        public B name(String value) {
            name = value;
            return self();
        }

        /**
         * Sets the address to bind; see {@link ListenerConfig#host()}.
         *
         * @param value a literal IP or a host name, not null; {@code "0.0.0.0"} for every interface
         * @return this builder
         */
        public B host(String value) {
            host = value;
            return self();
        }

        /**
         * Sets the port to bind; see {@link ListenerConfig#port()}.
         *
         * @param value the port, 0 to 65535; 0 picks a free ephemeral port
         * @return this builder
         */
        public B port(int value) {
            port = value;
            return self();
        }

        /**
         * Sets the accept backlog; see {@link ListenerConfig#acceptBacklog()}.
         *
         * @param value how many connections the kernel may queue before they are accepted; &gt; 0
         * @return this builder
         */
        public B acceptBacklog(int value) {
            acceptBacklog = value;
            return self();
        }

        /**
         * Sets the socket options; see {@link ListenerConfig#socketOptions()}.
         *
         * @param value the options of the listening and accepted sockets, not null
         * @return this builder
         */
        public B socketOptions(SocketOptions value) {
            socketOptions = value;
            return self();
        }

        /**
         * Sets how the sockets wait for readiness; see {@link ListenerConfig#socketIo()}.
         *
         * @param value the socket I/O kind, not null
         * @return this builder
         */
        public B socketIo(SocketIo value) {
            socketIo = value;
            return self();
        }

        /**
         * Sets the most connections served at once; see {@link ServerConfig#maxConnections()}.
         *
         * @param value the limit, &gt; 0
         * @return this builder
         */
        public B maxConnections(int value) {
            maxConnections = value;
            return self();
        }

        /**
         * Sets the admission policy; see {@link ServerConfig#admission()}.
         *
         * @param value the policy consulted for every accepted connection, not null
         * @return this builder
         */
        public B admission(ConnectionAdmission value) {
            admission = value;
            return self();
        }

        /**
         * Sets how long one write may wait for a peer; see {@link ServerConfig#writeTimeout()}.
         *
         * @param value the timeout, positive, not null
         * @return this builder
         */
        public B writeTimeout(Duration value) {
            writeTimeout = value;
            return self();
        }

        /**
         * Sets how long {@code close()} lets live connections finish; see
         * {@link ServerConfig#shutdownGrace()}.
         *
         * @param value the grace period, zero or positive, not null
         * @return this builder
         */
        public B shutdownGrace(Duration value) {
            shutdownGrace = value;
            return self();
        }

        /**
         * Sets the kind of thread per connection; see {@link ServerConfig#threadMode()}.
         *
         * @param value the thread mode, not null
         * @return this builder
         */
        public B threadMode(ThreadMode value) {
            threadMode = value;
            return self();
        }

        /**
         * Validates and builds the server settings gathered so far.
         *
         * @return the listener and server settings of this builder
         * @throws NullPointerException     if a setting was set to null
         * @throws IllegalArgumentException if a setting is out of range
         */
        protected ServerConfig serverConfig() {
            return new ServerConfig(new ListenerConfig(name, host, port, acceptBacklog, socketOptions, socketIo),
                    maxConnections, admission, writeTimeout, shutdownGrace, threadMode);
        }
    }

    /** {@return a builder of a bare {@link ServerConfig}, starting from the documented defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder extends Settings<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         * @throws NullPointerException     if a setting was set to null
         * @throws IllegalArgumentException if a setting is out of range
         */
        public ServerConfig build() {
            return serverConfig();
        }
    }
}
