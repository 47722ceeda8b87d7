package dev.weft.core.tls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a server speaks TLS: its certificates, the protocol versions and cipher suites, ALPN, client
 * certificates and the handshake deadline. The files are read and checked when the server
 * starts — a missing, damaged or mismatched file stops the start with a {@link
 * TlsConfigException} naming the file and the problem — and again whenever they change.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.builder()
 *         .certificate(KeyMaterial.pem(Path.of("chain.pem"), Path.of("key.pem")))
 *         .applicationProtocols("http/1.1")
 *         .build();
 * }</pre>
 *
 * @param certificates         the default certificate and those chosen by SNI host name
 * @param cipherPolicy         protocol versions and cipher suites; default {@link
 *                             CipherPolicy#MODERN} (TLS 1.3 and 1.2, AEAD with ECDHE only)
 * @param applicationProtocols the ALPN protocols accepted, in the server's order of preference
 *                             (for example {@code "h2", "http/1.1"}); the first the client also
 *                             offers is chosen. Default: none (no ALPN answer; a client that
 *                             offers ALPN still connects). A client offering only others fails
 *                             with {@link HandshakeFailure#NO_APPLICATION_PROTOCOL}
 * @param clientAuthentication whether client certificates are asked for; default {@link
 *                             ClientAuthentication#NONE}
 * @param handshakeTimeout     how long a client may take from connecting to finishing the
 *                             handshake before it is cut off and counted as {@link
 *                             HandshakeFailure#TIMEOUT}; default 10 seconds. Shorter frees the
 *                             slots of slow or idle openers sooner; too short fails clients on
 *                             slow, lossy links (a handshake is two round trips)
 * @param reloadCheckInterval  how often the certificate, key and trust files are checked for
 *                             changes (their contents are compared by SHA-256, so a change that
 *                             keeps the size and modification time is seen too); a change loads
 *                             them for new handshakes, and a file that does not load is refused
 *                             with a WARN line while the old certificates stay. Default every 10
 *                             seconds; empty: only when the application asks for a reload
 */
public record TlsConfig(ServerCertificates certificates, CipherPolicy cipherPolicy,
                        List<String> applicationProtocols, ClientAuthentication clientAuthentication,
                        Duration handshakeTimeout, Optional<Duration> reloadCheckInterval) {

    /** The default {@link #handshakeTimeout()}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link #reloadCheckInterval()}. */
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(10);

    /** Checks every component. */
    public TlsConfig {
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(cipherPolicy, "cipherPolicy");
        applicationProtocols = checkApplicationProtocols(applicationProtocols);
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        requirePositive("handshakeTimeout", handshakeTimeout);
        Objects.requireNonNull(reloadCheckInterval, "reloadCheckInterval");
        reloadCheckInterval.ifPresent(interval -> requirePositive("reloadCheckInterval", interval));
    }

    /** {@return a builder with every default; a default certificate must be given} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this configuration's values} */
    public Builder toBuilder() {
        Builder b = new Builder()
                .certificate(certificates.defaultCertificate())
                .cipherPolicy(cipherPolicy)
                .applicationProtocols(applicationProtocols.toArray(String[]::new))
                .clientAuthentication(clientAuthentication)
                .handshakeTimeout(handshakeTimeout);
        certificates.byHostName().forEach(b::certificate);
        b.reloadCheckInterval = reloadCheckInterval;
        return b;
    }

    static List<String> checkApplicationProtocols(List<String> protocols) {
        List<String> copy = List.copyOf(protocols);
        Set<String> seen = new HashSet<>();
        for (String protocol : copy) {
            int length = protocol.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0 || length > 255) {
                throw new IllegalArgumentException("ALPN protocol name must be 1 to 255 bytes: '" + protocol + "' is " + length);
            }
            if (!seen.add(protocol)) {
                throw new IllegalArgumentException("ALPN protocol '" + protocol + "' is listed twice");
            }
        }
        return copy;
    }

    static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Builds a {@link TlsConfig}; every setter replaces the value. */
    public static final class Builder {
        private KeyMaterial defaultCertificate;
        private final Map<String, KeyMaterial> byHostName = new LinkedHashMap<>();
        private CipherPolicy cipherPolicy = CipherPolicy.MODERN;
        private List<String> applicationProtocols = List.of();
        private ClientAuthentication clientAuthentication = ClientAuthentication.NONE;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private Optional<Duration> reloadCheckInterval = Optional.of(DEFAULT_RELOAD_CHECK_INTERVAL);

        private Builder() {
        }

        /**
         * Sets the default certificate (required).
         *
         * @param certificate presented to clients that ask for no host name, or for one without
         *                    a certificate of its own; not null
         * @return this builder
         */
        public Builder certificate(KeyMaterial certificate) {
            this.defaultCertificate = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /**
         * Sets the certificate presented to clients asking for {@code hostName} by SNI.
         *
         * @param hostName    the SNI host name, not null
         * @param certificate the certificate for that host name, not null
         * @return this builder
         */
        public Builder certificate(String hostName, KeyMaterial certificate) {
            byHostName.put(Objects.requireNonNull(hostName, "hostName"), Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        /**
         * Sets the protocol versions and cipher suites; see {@link TlsConfig#cipherPolicy()}.
         *
         * @param cipherPolicy the policy, not null
         * @return this builder
         */
        public Builder cipherPolicy(CipherPolicy cipherPolicy) {
            this.cipherPolicy = Objects.requireNonNull(cipherPolicy, "cipherPolicy");
            return this;
        }

        /**
         * Sets the ALPN protocols accepted; see {@link TlsConfig#applicationProtocols()}.
         *
         * @param protocols the protocol names in the server's order of preference; none for no ALPN
         * @return this builder
         */
        public Builder applicationProtocols(String... protocols) {
            this.applicationProtocols = new ArrayList<>(List.of(protocols));
            return this;
        }

        /**
         * Sets whether client certificates are asked for; see {@link TlsConfig#clientAuthentication()}.
         *
         * @param clientAuthentication the client authentication mode, not null
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /**
         * Sets the handshake deadline; see {@link TlsConfig#handshakeTimeout()}.
         *
         * @param handshakeTimeout the deadline, positive
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        /**
         * Checks the files for changes every {@code interval}; see {@link TlsConfig#reloadCheckInterval()}.
         *
         * @param interval the time between checks, positive, not null
         * @return this builder
         */
        public Builder reloadCheckInterval(Duration interval) {
            this.reloadCheckInterval = Optional.of(Objects.requireNonNull(interval, "interval"));
            return this;
        }

        /**
         * Never checks the files by itself: certificates are reloaded only when the application asks.
         *
         * @return this builder
         */
        public Builder noReloadChecks() {
            this.reloadCheckInterval = Optional.empty();
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalStateException    if no default certificate was given
         * @throws IllegalArgumentException if a value is out of range
         */
        public TlsConfig build() {
            if (defaultCertificate == null) {
                throw new IllegalStateException("a default certificate is required: call certificate(KeyMaterial)");
            }
            return new TlsConfig(new ServerCertificates(defaultCertificate, byHostName), cipherPolicy,
                    applicationProtocols, clientAuthentication, handshakeTimeout, reloadCheckInterval);
        }
    }
}
