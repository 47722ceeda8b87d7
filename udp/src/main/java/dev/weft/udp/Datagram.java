package dev.weft.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One received datagram: its sender and its payload.
 *
 * <p>With {@link Dispatch#INLINE} the payload is a view of the server's single receive buffer
 * and is valid only until the handler returns: a handler that keeps the bytes must copy them
 * ({@link #bytes()} does). With {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM} each datagram owns
 * a copy.
 */
public final class Datagram {

    private final InetSocketAddress sender;
    private final ByteBuffer payload;

    private Datagram(InetSocketAddress sender, ByteBuffer payload) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.payload = payload.asReadOnlyBuffer();
    }

    /**
     * A datagram viewing {@code payload} between its position and limit, without copying.
     *
     * @param sender  the address and port it came from
     * @param payload the bytes; not copied, so they must not change while the datagram is used
     * @return the datagram
     */
    public static Datagram of(InetSocketAddress sender, ByteBuffer payload) {
        return new Datagram(sender, Objects.requireNonNull(payload, "payload").slice());
    }

    /**
     * A datagram holding {@code payload} (not copied), for tests and for handlers that forward.
     *
     * @param sender  the address and port it came from
     * @param payload the bytes, the whole array; not copied
     * @return the datagram
     */
    public static Datagram of(InetSocketAddress sender, byte[] payload) {
        return new Datagram(sender, ByteBuffer.wrap(payload));
    }

    /** {@return the address and port the datagram came from} */
    public InetSocketAddress sender() {
        return sender;
    }

    /** {@return the number of payload bytes} */
    public int length() {
        return payload.remaining();
    }

    /** {@return a read-only view of the payload, positioned at its first byte} */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** {@return a copy of the payload} */
    public byte[] bytes() {
        byte[] copy = new byte[payload.remaining()];
        payload.duplicate().get(copy);
        return copy;
    }

    /** {@return the payload decoded as UTF-8, malformed sequences replaced by U+FFFD} */
    public String text() {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }

    @Override
    public String toString() {
        return "Datagram[" + payload.remaining() + " bytes from " + sender + "]";
    }
}
