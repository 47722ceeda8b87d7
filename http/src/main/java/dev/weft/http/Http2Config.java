package dev.weft.http;

import static dev.weft.core.internal.DurationChecks.requirePositive;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of HTTP/2 on an {@link HttpServer}: cleartext with prior knowledge (and,
 * when asked for, by {@code Upgrade: h2c}) on the plain port, {@code h2} by ALPN on the TLS port. Request limits
 * that HTTP/1.1 and HTTP/2 share (body size, body read timeout, header count) stay in
 * {@link HttpLimits}.
 *
 * @param settings           what the server advertises; default {@link Http2Settings#DEFAULTS}
 * @param limits             the flood and abuse bounds; default {@link Http2Limits#DEFAULTS}
 * @param settingsAckTimeout how long the client may take to acknowledge our {@code SETTINGS};
 *                           default 10 s. Exceeded → {@code GOAWAY SETTINGS_TIMEOUT}
 * @param idleTimeout        how long a connection may stay open with no handler running
 *                           (answered streams the client leaves half-open do not count);
 *                           default 30 s. Exceeded → {@code GOAWAY NO_ERROR}, closed
 * @param streamWriteTimeout how long a response may wait for the client to open its flow-control
 *                           window; default 30 s. Exceeded → that stream alone is reset with
 *                           {@code RST_STREAM CANCEL} and its handler's write fails
 * @param h2cUpgrade         whether a plaintext HTTP/1.1 request without a body that asks for
 *                           {@code Upgrade: h2c} switches its connection to HTTP/2 (RFC 7540
 *                           section 3.2, removed from RFC 9113); default false. Off by default
 *                           because {@code java.net.http.HttpClient}, whose default version is
 *                           HTTP/2, asks for it on every {@code http://} connection and then
 *                           multiplexes all its requests on that one connection: in JDK 21 a
 *                           request beyond {@link Http2Settings#maxConcurrentStreams()} fails
 *                           ("too many concurrent streams") instead of opening another
 *                           connection. Prior knowledge and ALPN {@code h2} do not depend on it.
 *                           A request with a body is always served over HTTP/1.1.
 */
public record Http2Config(Http2Settings settings, Http2Limits limits, Duration settingsAckTimeout,
                          Duration idleTimeout, Duration streamWriteTimeout, boolean h2cUpgrade) {

    /** The documented defaults. */
    public static final Http2Config DEFAULTS = new Http2Config(Http2Settings.DEFAULTS, Http2Limits.DEFAULTS,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), false);

    /** Validates every component. */
    public Http2Config {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limits, "limits");
        requirePositive(settingsAckTimeout, "settingsAckTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(streamWriteTimeout, "streamWriteTimeout");
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** {@return a builder starting from this configuration} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link Http2Config} with flat setters; not thread-safe. */
    public static final class Builder {
        private Http2Settings settings;
        private Http2Limits limits;
        private Duration settingsAckTimeout;
        private Duration idleTimeout;
        private Duration streamWriteTimeout;
        private boolean h2cUpgrade;

        private Builder(Http2Config from) {
            settings = from.settings;
            limits = from.limits;
            settingsAckTimeout = from.settingsAckTimeout;
            idleTimeout = from.idleTimeout;
            streamWriteTimeout = from.streamWriteTimeout;
            h2cUpgrade = from.h2cUpgrade;
        }

        /**
         * Sets {@link Http2Config#settings()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder settings(Http2Settings value) {
            settings = value;
            return this;
        }

        /**
         * Sets {@link Http2Settings#maxConcurrentStreams()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder maxConcurrentStreams(int value) {
            settings = new Http2Settings(value, settings.initialWindowBytes(), settings.connectionWindowBytes(),
                    settings.maxFrameBytes(), settings.maxHeaderListBytes(), settings.headerTableBytes());
            return this;
        }

        /**
         * Sets {@link Http2Settings#initialWindowBytes()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder initialWindowBytes(int value) {
            settings = new Http2Settings(settings.maxConcurrentStreams(), value, settings.connectionWindowBytes(),
                    settings.maxFrameBytes(), settings.maxHeaderListBytes(), settings.headerTableBytes());
            return this;
        }

        /**
         * Sets {@link Http2Settings#maxHeaderListBytes()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder maxHeaderListBytes(int value) {
            settings = new Http2Settings(settings.maxConcurrentStreams(), settings.initialWindowBytes(),
                    settings.connectionWindowBytes(), settings.maxFrameBytes(), value, settings.headerTableBytes());
            return this;
        }

        /**
         * Sets {@link Http2Config#limits()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder limits(Http2Limits value) {
            limits = value;
            return this;
        }

        /**
         * Sets {@link Http2Config#settingsAckTimeout()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder settingsAckTimeout(Duration value) {
            settingsAckTimeout = value;
            return this;
        }

        /**
         * Sets {@link Http2Config#idleTimeout()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /**
         * Sets {@link Http2Config#streamWriteTimeout()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder streamWriteTimeout(Duration value) {
            streamWriteTimeout = value;
            return this;
        }

        /**
         * Sets {@link Http2Config#h2cUpgrade()}.
         *
         * @param value the new value
         * @return this builder
         */
        public Builder h2cUpgrade(boolean value) {
            h2cUpgrade = value;
            return this;
        }

        /** {@return the configuration, validated} */
        public Http2Config build() {
            return new Http2Config(settings, limits, settingsAckTimeout, idleTimeout, streamWriteTimeout, h2cUpgrade);
        }
    }
}
