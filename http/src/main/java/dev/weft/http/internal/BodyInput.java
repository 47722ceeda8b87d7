package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Status;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The body of one request, read from the connection's {@link InboundBuffer} without ever
 * consuming a byte of the next request.
 *
 * <p>The first read sends {@code 100 Continue} when the client asked for it. A read that waits
 * longer than the body read timeout fails with 408 (the core engine has closed the connection
 * by then, so the client only sees the close), a body over the limit with 413, malformed
 * framing with 400 — all as {@link HttpException} — and a body cut short by the peer with
 * {@link EOFException}; in every case the exchange is marked {@linkplain #broken() broken} so
 * the connection is closed after the response.
 */
public abstract sealed class BodyInput extends InputStream implements ClientBody permits FixedLengthBody, ChunkedBody {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Reads at least this large go straight into the caller's array. */
    static final int DIRECT_READ_BYTES = 1024;

    /** The connection's input. */
    protected final InboundBuffer in;
    private final Duration readTimeout;
    private final OutboundBuffer out;
    private boolean continuePending;
    private boolean broken;

    BodyInput(BodyContext context, boolean expectContinue) {
        this.in = context.in();
        this.out = context.out();
        this.readTimeout = context.readTimeout();
        this.continuePending = expectContinue;
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] destination, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, destination.length);
        if (length == 0) {
            return 0;
        }
        if (broken) {
            throw new IOException("the request body is unreadable after an earlier failure");
        }
        try {
            sendContinueIfPending();
            return readBody(destination, offset, length);
        } catch (SocketTimeoutException e) {
            broken = true;
            throw new HttpException(Status.REQUEST_TIMEOUT_408, "request body not received within " + readTimeout);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    private void sendContinueIfPending() throws IOException {
        if (continuePending) {
            continuePending = false;
            if (!finished()) {
                out.write(CONTINUE);
                out.flush();
            }
        }
    }

    /** Reads body bytes; -1 at the end of the body. */
    abstract int readBody(byte[] destination, int offset, int length) throws IOException;

    /** Whether the whole body has been read. */
    abstract boolean finished();

    /** Whether reading failed, so the framing of the connection can no longer be trusted. */
    @Override
    public final boolean broken() {
        return broken;
    }

    /** {@return whether the client still waits for {@code 100 Continue} before it sends the body} */
    public final boolean awaitingContinue() {
        return continuePending && !finished();
    }

    /**
     * Reads and drops the rest of the body, if at most {@code maxBytes} remain to be read.
     *
     * @param maxBytes the most body bytes worth reading to keep the connection
     * @return whether the body is now fully consumed and the connection can carry another
     *     request
     */
    public final boolean discardRemaining(long maxBytes) {
        if (broken || awaitingContinue()) {
            return false;
        }
        byte[] scratch = new byte[DIRECT_READ_BYTES];
        long dropped = 0;
        try {
            while (!finished()) {
                int n = readBody(scratch, 0, scratch.length);
                if (n < 0) {
                    break;
                }
                dropped += n;
                if (dropped > maxBytes) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            broken = true;
            return false;
        }
    }

    /** Copies buffered bytes, or reads more (straight into the caller's array when large). */
    final int readAvailable(byte[] destination, int offset, int length) throws IOException {
        int buffered = in.buffered();
        if (buffered > 0) {
            int n = Math.min(buffered, length);
            System.arraycopy(in.bytes(), in.position(), destination, offset, n);
            in.consume(n);
            return n;
        }
        int n = length >= DIRECT_READ_BYTES
                ? in.readDirect(destination, offset, length, readTimeout)
                : fillOnce();
        if (n < 0) {
            throw new EOFException("connection closed in the middle of the request body");
        }
        return length >= DIRECT_READ_BYTES ? n : readAvailable(destination, offset, length);
    }

    /** Reads more into the buffer, within the body read timeout. */
    final int fillOnce() throws IOException {
        return in.fill(readTimeout);
    }

    /**
     * What every body stream of a connection shares.
     *
     * @param in          the connection's input
     * @param out         the connection's pending output, for {@code 100 Continue}
     * @param readTimeout how long one read of the body may wait
     */
    public record BodyContext(InboundBuffer in, OutboundBuffer out, Duration readTimeout) {
    }
}
