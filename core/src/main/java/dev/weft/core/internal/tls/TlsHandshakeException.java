package dev.weft.core.internal.tls;

import dev.weft.core.tls.HandshakeFailure;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS handshake that failed, already counted and logged, with the reason it was counted under.
 * By the time it is thrown the connection's transport is closed.
 */
public final class TlsHandshakeException extends SSLHandshakeException {

    private static final long serialVersionUID = 1L;

    private final HandshakeFailure reason;

    TlsHandshakeException(HandshakeFailure reason, String detail, Throwable cause) {
        super(reason + ": " + detail);
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** Why the handshake failed. */
    public HandshakeFailure reason() {
        return reason;
    }
}
