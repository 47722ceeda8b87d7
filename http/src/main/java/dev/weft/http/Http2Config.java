package dev.weft.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of HTTP/2 on an {@link HttpServer}: cleartext with prior knowledge or by
 * {@code Upgrade: h2c} on the plain port, {@code h2} by ALPN on the TLS port. Request limits
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
 */
public record Http2Config(Http2Settings settings, Http2Limits limits, Duration settingsAckTimeout,
                          Duration idleTimeout, Duration streamWriteTimeout) {

    /** The documented defaults. */
    public static final Http2Config DEFAULTS = new Http2Config(Http2Settings.DEFAULTS, Http2Limits.DEFAULTS,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));

    /** Validates every component. */
    public Http2Config {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limits, "limits");
        requirePositive(settingsAckTimeout, "settingsAckTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(streamWriteTimeout, "streamWriteTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from this configuration. */
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

        private Builder(Http2Config from) {
            settings = from.settings;
            limits = from.limits;
            settingsAckTimeout = from.settingsAckTimeout;
            idleTimeout = from.idleTimeout;
            streamWriteTimeout = from.streamWriteTimeout;
        }

        /** Sets {@link Http2Config#settings()}. */
        public Builder settings(Http2Settings value) {
            settings = value;
            return this;
        }

        /** Sets {@link Http2Settings#maxConcurrentStreams()}. */
        public Builder maxConcurrentStreams(int value) {
            settings = new Http2Settings(value, settings.initialWindowBytes(), settings.connectionWindowBytes(),
                    settings.maxFrameBytes(), settings.maxHeaderListBytes(), settings.headerTableBytes());
            return this;
        }

        /** Sets {@link Http2Settings#initialWindowBytes()}. */
        public Builder initialWindowBytes(int value) {
            settings = new Http2Settings(settings.maxConcurrentStreams(), value, settings.connectionWindowBytes(),
                    settings.maxFrameBytes(), settings.maxHeaderListBytes(), settings.headerTableBytes());
            return this;
        }

        /** Sets {@link Http2Settings#maxHeaderListBytes()}. */
        public Builder maxHeaderListBytes(int value) {
            settings = new Http2Settings(settings.maxConcurrentStreams(), settings.initialWindowBytes(),
                    settings.connectionWindowBytes(), settings.maxFrameBytes(), value, settings.headerTableBytes());
            return this;
        }

        /** Sets {@link Http2Config#limits()}. */
        public Builder limits(Http2Limits value) {
            limits = value;
            return this;
        }

        /** Sets {@link Http2Config#settingsAckTimeout()}. */
        public Builder settingsAckTimeout(Duration value) {
            settingsAckTimeout = value;
            return this;
        }

        /** Sets {@link Http2Config#idleTimeout()}. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** Sets {@link Http2Config#streamWriteTimeout()}. */
        public Builder streamWriteTimeout(Duration value) {
            streamWriteTimeout = value;
            return this;
        }

        /** The configuration. */
        public Http2Config build() {
            return new Http2Config(settings, limits, settingsAckTimeout, idleTimeout, streamWriteTimeout);
        }
    }
}
