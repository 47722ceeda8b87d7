package dev.weft.core.internal.tls;

import dev.weft.core.internal.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSession;

/**
 * The inbound half of a {@link TlsTransport}: encrypted bytes read from the network and
 * unwrapped a record at a time, with the two buffers that takes kept as small as the records
 * allow. Used by the connection's reading thread only.
 *
 * <p>Encrypted input is read into a buffer of {@value #IDLE_READ_BYTES} bytes that grows to the
 * session's packet size only when a record does not fit; decrypted bytes go straight into the
 * caller's array when the record fits there, else into a second buffer from which later reads
 * are served. {@link #release()} drops whichever buffer holds nothing. Both buffers are kept in
 * read mode: position to limit is what has not been consumed yet.
 */
final class InboundRecords {

    /** The size of the encrypted-input buffer while nothing is buffered: enough for a small request. */
    static final int IDLE_READ_BYTES = 512;

    private final Transport network;
    private final SSLEngine engine;
    private ByteBuffer encrypted;
    private ByteBuffer plaintext;

    InboundRecords(Transport network, SSLEngine engine) {
        this.network = network;
        this.engine = engine;
    }

    /** The encrypted bytes read and not yet unwrapped (a view for inspection; never null). */
    ByteBuffer encrypted() {
        if (encrypted == null) {
            encrypted = ByteBuffer.allocate(IDLE_READ_BYTES).flip();
        }
        return encrypted.asReadOnlyBuffer();
    }

    /**
     * Reads more encrypted bytes, growing the buffer to the session's packet size when it is
     * full; returns false at end of stream.
     */
    boolean fill() throws IOException {
        if (encrypted == null) {
            encrypted = ByteBuffer.allocate(IDLE_READ_BYTES).flip();
        }
        encrypted.compact();
        try {
            if (!encrypted.hasRemaining()) {
                int packet = packetBufferSize(engine);
                if (encrypted.capacity() >= packet) {
                    throw new SSLProtocolException("a TLS record larger than " + packet + " bytes");
                }
                encrypted = ByteBuffer.allocate(packet).put(encrypted.flip());
            }
            int n = network.read(encrypted.array(), encrypted.arrayOffset() + encrypted.position(), encrypted.remaining());
            if (n < 0) {
                return false;
            }
            encrypted.position(encrypted.position() + n);
            return true;
        } finally {
            encrypted.flip();
        }
    }

    /**
     * Unwraps one record into {@code dst}, reading from the network while the record is
     * incomplete.
     *
     * @return the result (never {@code BUFFER_UNDERFLOW}), or null at end of stream
     */
    SSLEngineResult unwrap(ByteBuffer dst) throws IOException {
        while (true) {
            if (encrypted == null) {
                encrypted = ByteBuffer.allocate(IDLE_READ_BYTES).flip();
            }
            SSLEngineResult result = engine.unwrap(encrypted, dst);
            if (result.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                return result;
            }
            if (!fill()) {
                return null;
            }
        }
    }

    /**
     * Unwraps one record into the plaintext buffer, made at least {@code capacity} bytes (the
     * session's application buffer size when the caller's array was too small; zero during the
     * handshake, whose records carry no application data). Null at end of stream.
     */
    SSLEngineResult unwrapToPlaintext(int capacity) throws IOException {
        if (plaintext == null) {
            plaintext = ByteBuffer.allocate(capacity).flip();
        } else if (plaintext.capacity() < capacity) {
            plaintext = ByteBuffer.allocate(capacity).put(plaintext).flip();
        }
        plaintext.compact();
        try {
            return unwrap(plaintext);
        } finally {
            plaintext.flip();
        }
    }

    /** The capacity of the plaintext buffer, for messages. */
    int plaintextCapacity() {
        return plaintext == null ? 0 : plaintext.capacity();
    }

    /** Copies buffered plaintext into {@code b}; returns the count, 0 when none is buffered. */
    int takePlaintext(byte[] b, int off, int len) {
        if (plaintext == null || !plaintext.hasRemaining()) {
            return 0;
        }
        int n = Math.min(len, plaintext.remaining());
        plaintext.get(b, off, n);
        return n;
    }

    /** How many decrypted bytes are buffered, ready for {@link #takePlaintext}. */
    int plaintextBuffered() {
        return plaintext == null ? 0 : plaintext.remaining();
    }

    /** Drops the buffers that hold nothing. */
    void release() {
        if (plaintext != null && !plaintext.hasRemaining()) {
            plaintext = null;
        }
        if (encrypted != null && !encrypted.hasRemaining()) {
            encrypted = null;
        }
    }

    /** The largest TLS record of the engine's session (the one being negotiated, during a handshake). */
    static int packetBufferSize(SSLEngine engine) {
        return session(engine).getPacketBufferSize();
    }

    /** The largest plaintext of one record of the engine's session. */
    static int applicationBufferSize(SSLEngine engine) {
        return session(engine).getApplicationBufferSize();
    }

    private static SSLSession session(SSLEngine engine) {
        SSLSession handshaking = engine.getHandshakeSession();
        return handshaking != null ? handshaking : engine.getSession();
    }
}
