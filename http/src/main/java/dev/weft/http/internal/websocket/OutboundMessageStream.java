package dev.weft.http.internal.websocket;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.MalformedInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message written as a stream ({@code sendStream}): bytes collect in a buffer that becomes
 * one fragment when it fills, on {@link #flush()} and on {@link #close()}, which sends the
 * final fragment. Text is checked as UTF-8 as it is written; invalid text is a bug of the
 * endpoint, and fails the session with {@code 1011} rather than send the peer a message it
 * would have to refuse. Not thread-safe.
 */
final class OutboundMessageStream extends OutputStream {

    /** The payload of one fragment. */
    static final int FRAGMENT_BYTES = 16 * 1024;

    /** What the stream asks of its session. */
    interface Session {
        /** Queues a fragment, waiting for room. */
        void offer(Outbox.Stream stream, byte[] chunk, boolean last) throws IOException;

        /** Fails the session: the endpoint wrote invalid text. */
        void invalidText(String reason);
    }

    private final Session session;
    private final Outbox.Stream stream;
    private final Utf8Validator utf8;
    private byte[] buffer;
    private int count;
    private boolean closed;

    /**
     * @param text whether the message is text (then checked as UTF-8)
     */
    OutboundMessageStream(Session session, Outbox.Stream stream, boolean text) {
        this.session = session;
        this.stream = stream;
        this.utf8 = text ? new Utf8Validator() : null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("the message stream is closed");
        }
        if (utf8 != null && !utf8.accept(b, off, len)) {
            closed = true;
            session.invalidText("the endpoint wrote invalid UTF-8 to a text message");
            throw new MalformedInputException(len);
        }
        while (len > 0) {
            if (buffer == null) {
                buffer = new byte[FRAGMENT_BYTES];
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
            if (count == buffer.length) {
                send(false);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (!closed && count > 0) {
            send(false);
        }
    }

    /** Sends the final fragment, which ends the message; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (utf8 != null && !utf8.isComplete()) {
            session.invalidText("the endpoint ended a text message in the middle of a UTF-8 sequence");
            throw new MalformedInputException(0);
        }
        send(true);
        buffer = null;
    }

    private void send(boolean last) throws IOException {
        byte[] chunk = Arrays.copyOf(buffer == null ? new byte[0] : buffer, count);
        count = 0;
        session.offer(stream, chunk, last);
    }
}
