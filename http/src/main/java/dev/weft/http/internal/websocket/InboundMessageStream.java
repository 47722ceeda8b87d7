package dev.weft.http.internal.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The payload of one incoming message as a stream ({@code receiveStream}): each read goes to
 * the session's message reader, so the message is never held whole. Ends at the end of its
 * message; closing it skips the rest when the session next reads.
 */
final class InboundMessageStream extends InputStream {

    /** Reads the current message's payload for this stream. */
    interface Payload {
        int read(InboundMessageStream stream, byte[] b, int off, int len) throws IOException;
    }

    private final Payload payload;
    private boolean ended;

    InboundMessageStream(Payload payload) {
        this.payload = payload;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = payload.read(this, b, off, len);
        if (n < 0) {
            ended = true;
        }
        return n;
    }

    /** Marks the stream ended: its message is over, or a later one started. */
    void end() {
        ended = true;
    }

    @Override
    public void close() {
        ended = true;
    }
}
