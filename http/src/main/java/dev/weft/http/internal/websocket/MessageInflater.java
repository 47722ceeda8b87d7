package dev.weft.http.internal.websocket;

import java.util.zip.Inflater;

/**
 * The decompressor of one session's incoming {@code permessage-deflate} messages: a raw
 * DEFLATE inflater kept across messages (context takeover) unless the client agreed not to
 * use it, created on first use and released when the session ends. The bound on what it
 * produces is enforced by {@link MessageReader}, which feeds it one small piece at a time.
 */
final class MessageInflater {

    /** What RFC 7692 has the sender strip from each message and the receiver append. */
    static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final boolean resetEachMessage;
    private Inflater inflater;

    MessageInflater(DeflateParameters parameters) {
        this.resetEachMessage = parameters.clientNoContextTakeover();
    }

    /** The inflater, created on first use. */
    Inflater inflater() {
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        return inflater;
    }

    /** Ends a message: starts afresh when the context is not taken over, or the stream ended. */
    void endMessage() {
        if (inflater != null && (resetEachMessage || inflater.finished())) {
            inflater.reset();
        }
    }

    /** Releases the native memory; idempotent. */
    void release() {
        if (inflater != null) {
            inflater.end();
        }
    }
}
