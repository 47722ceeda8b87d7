package dev.weft.core.tls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a Weft client (a connection pool, a TCP proxy's backends, an HTTP reverse proxy's
 * upstreams) speaks TLS to a server.
 *
 * @param trusted              the authorities that sign acceptable server certificates; default
 *                             the JDK's ({@link TrustMaterial#system()})
 * @param clientCertificate    the certificate to present when the server asks for one (mutual
 *                             TLS); default none
 * @param cipherPolicy         protocol versions and cipher suites; default {@link CipherPolicy#MODERN}
 * @param applicationProtocols the ALPN protocols offered, in order of preference; default none
 * @param verifyHostName       whether the server's certificate must name the host connected to
 *                             (the HTTPS rules of RFC 2818: a DNS name, or an IP address for an
 *                             IP). Default {@code true}; turning it off lets anyone with a
 *                             certificate from a trusted authority impersonate the server
 * @param handshakeTimeout     how long the handshake may take; default 10 seconds
 */
public record TlsClientConfig(TrustMaterial trusted, Optional<KeyMaterial> clientCertificate,
                              CipherPolicy cipherPolicy, List<String> applicationProtocols,
                              boolean verifyHostName, Duration handshakeTimeout) {

    /** The JDK's trusted authorities, host names verified, the modern cipher policy. */
    public static final TlsClientConfig DEFAULTS = builder().build();

    /** Checks every component. */
    public TlsClientConfig {
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(cipherPolicy, "cipherPolicy");
        applicationProtocols = TlsConfig.checkApplicationProtocols(applicationProtocols);
        TlsConfig.requirePositive("handshakeTimeout", handshakeTimeout);
    }

    /** {@return a builder with every default} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TlsClientConfig}; every setter replaces the value. */
    public static final class Builder {
        private TrustMaterial trusted = TrustMaterial.system();
        private Optional<KeyMaterial> clientCertificate = Optional.empty();
        private CipherPolicy cipherPolicy = CipherPolicy.MODERN;
        private List<String> applicationProtocols = List.of();
        private boolean verifyHostName = true;
        private Duration handshakeTimeout = TlsConfig.DEFAULT_HANDSHAKE_TIMEOUT;

        private Builder() {
        }

        /**
         * Sets the trusted authorities; see {@link TlsClientConfig#trusted()}.
         *
         * @param trusted the authorities that sign acceptable server certificates, not null
         * @return this builder
         */
        public Builder trusted(TrustMaterial trusted) {
            this.trusted = Objects.requireNonNull(trusted, "trusted");
            return this;
        }

        /**
         * Sets the certificate presented for mutual TLS; see {@link TlsClientConfig#clientCertificate()}.
         *
         * @param certificate the client's certificate and key, not null
         * @return this builder
         */
        public Builder clientCertificate(KeyMaterial certificate) {
            this.clientCertificate = Optional.of(certificate);
            return this;
        }

        /**
         * Sets the protocol versions and cipher suites; see {@link TlsClientConfig#cipherPolicy()}.
         *
         * @param cipherPolicy the policy, not null
         * @return this builder
         */
        public Builder cipherPolicy(CipherPolicy cipherPolicy) {
            this.cipherPolicy = Objects.requireNonNull(cipherPolicy, "cipherPolicy");
            return this;
        }

        /**
         * Sets the ALPN protocols offered; see {@link TlsClientConfig#applicationProtocols()}.
         *
         * @param protocols the protocol names in order of preference; none for no ALPN
         * @return this builder
         */
        public Builder applicationProtocols(String... protocols) {
            this.applicationProtocols = List.of(protocols);
            return this;
        }

        /**
         * Sets whether the server's certificate must name the host; see
         * {@link TlsClientConfig#verifyHostName()}. On unless turned off here.
         *
         * @param verify false to accept any certificate from a trusted authority
         * @return this builder
         */
        public Builder verifyHostName(boolean verify) {
            this.verifyHostName = verify;
            return this;
        }

        /**
         * Sets how long the handshake may take; see {@link TlsClientConfig#handshakeTimeout()}.
         *
         * @param handshakeTimeout the deadline, positive
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a value is out of range
         */
        public TlsClientConfig build() {
            return new TlsClientConfig(trusted, clientCertificate, cipherPolicy, applicationProtocols,
                    verifyHostName, handshakeTimeout);
        }
    }
}
