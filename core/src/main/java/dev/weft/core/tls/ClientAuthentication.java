package dev.weft.core.tls;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a server asks its clients for certificates (mutual TLS), and whom it trusts to sign
 * them.
 *
 * @param mode    {@link Mode#NONE}, {@link Mode#WANTED} or {@link Mode#REQUIRED}
 * @param trusted the authorities that sign acceptable client certificates; present exactly when
 *                the mode is not {@code NONE}
 */
public record ClientAuthentication(Mode mode, Optional<TrustMaterial> trusted) {

    /** The default: no client certificates are asked for. */
    public static final ClientAuthentication NONE = new ClientAuthentication(Mode.NONE, Optional.empty());

    /** Whether client certificates are asked for. */
    public enum Mode {
        /** Not asked for; {@link TlsInfo#peerCertificates()} is always empty. */
        NONE,
        /**
         * Asked for: a client may send none (the handler sees an empty chain), but a certificate
         * it sends must verify, or the handshake fails with {@link HandshakeFailure#BAD_CERTIFICATE}.
         */
        WANTED,
        /** Required: a client without a verifying certificate fails the handshake. */
        REQUIRED
    }

    /** Checks that a trust store is given exactly when certificates are asked for. */
    public ClientAuthentication {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trusted, "trusted");
        if (mode == Mode.NONE && trusted.isPresent()) {
            throw new IllegalArgumentException("a trust store is given but client certificates are not asked for (mode NONE)");
        }
        if (mode != Mode.NONE && trusted.isEmpty()) {
            throw new IllegalArgumentException("client authentication " + mode + " needs a trust store for client certificates");
        }
    }

    /**
     * Client certificates asked for, not required; those sent must be signed by {@code trusted}.
     *
     * @param trusted the authorities that sign acceptable client certificates
     * @return the setting
     */
    public static ClientAuthentication wanted(TrustMaterial trusted) {
        return new ClientAuthentication(Mode.WANTED, Optional.of(trusted));
    }

    /**
     * Client certificates required, signed by {@code trusted}.
     *
     * @param trusted the authorities that sign acceptable client certificates
     * @return the setting
     */
    public static ClientAuthentication required(TrustMaterial trusted) {
        return new ClientAuthentication(Mode.REQUIRED, Optional.of(trusted));
    }
}
