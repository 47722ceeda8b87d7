package dev.weft.core.internal;

import dev.weft.core.tls.HandshakeFailure;
import java.io.IOException;

/**
 * Thrown by a protocol handler that found a TLS ClientHello at the start of a plaintext
 * connection: the client wants TLS ({@code https://}) from a server that speaks none. The engine
 * closes the connection, counts it once under {@link HandshakeFailure#TLS_ON_PLAINTEXT_PORT} and
 * logs it at DEBUG — the client's mistake, not a server failure and not a parse error.
 *
 * <p>A protocol checks the first two bytes it reads with {@link #startsTlsRecord(byte, byte)}
 * before parsing them: no text protocol starts with the control byte {@code 0x16}.
 */
public final class TlsOnPlaintextPortException extends IOException {

    private static final long serialVersionUID = 1L;
    /** The content type of a TLS handshake record. */
    private static final byte HANDSHAKE_RECORD = 0x16;
    /** The major version byte of every SSL 3 and TLS record. */
    private static final byte RECORD_MAJOR_VERSION = 0x03;

    /**
     * Creates the exception.
     *
     * @param detail what was seen, for the log line
     */
    public TlsOnPlaintextPortException(String detail) {
        super(detail);
    }

    /**
     * Whether {@code first} may start a TLS record: a second byte tells ({@link #startsTlsRecord}).
     *
     * @param first the first byte a client sent
     * @return true if it is the TLS handshake record type ({@code 0x16})
     */
    public static boolean mayStartTlsRecord(byte first) {
        return first == HANDSHAKE_RECORD;
    }

    /**
     * Whether {@code first} and {@code second} start a TLS handshake record ({@code 0x16 0x03}).
     *
     * @param first  the first byte a client sent
     * @param second the second byte a client sent
     * @return true if they are {@code 0x16 0x03}
     */
    public static boolean startsTlsRecord(byte first, byte second) {
        return first == HANDSHAKE_RECORD && second == RECORD_MAJOR_VERSION;
    }
}
