package dev.weft.http.internal.websocket;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The compressor of one session's outgoing {@code permessage-deflate} messages (RFC 7692
 * section 7.2.1): raw DEFLATE, each piece ended by a sync flush so the peer can inflate it at
 * once; the {@code 00 00 FF FF} a sync flush ends with is stripped from the end of each
 * message, as the RFC requires, and a message that produced nothing is sent as a single
 * {@code 00} byte (section 7.2.3.6). The context is kept across messages unless the client asked
 * for {@code server_no_context_takeover}. Used by one writer thread at a time.
 */
final class MessageDeflater {

    /** Messages shorter than this are sent uncompressed: DEFLATE would not make them smaller. */
    static final int MIN_COMPRESSED_BYTES = 64;

    private static final byte[] EMPTY_BLOCK = {0};

    private final boolean resetEachMessage;
    private Deflater deflater;

    MessageDeflater(DeflateParameters parameters) {
        this.resetEachMessage = parameters.serverNoContextTakeover();
    }

    /** Whether a whole message of {@code length} bytes is worth compressing. */
    static boolean worthCompressing(int length) {
        return length >= MIN_COMPRESSED_BYTES;
    }

    /**
     * Compresses the next piece of a message.
     *
     * @param last whether it ends the message: then the tail is stripped and the context reset
     *             if it is not taken over
     * @return the compressed bytes to send as (part of) the frame payload
     */
    byte[] compress(byte[] data, int off, int len, boolean last) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        deflater.setInput(data, off, len);
        byte[] out = new byte[len / 2 + 64];
        int size = 0;
        while (true) {
            size += deflater.deflate(out, size, out.length - size, Deflater.SYNC_FLUSH);
            if (size < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (last) {
            if (resetEachMessage) {
                deflater.reset();
            }
            if (endsWithTail(out, size)) {
                size -= MessageInflater.TAIL.length;
            }
            if (size == 0) {
                return EMPTY_BLOCK;
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private static boolean endsWithTail(byte[] out, int size) {
        byte[] tail = MessageInflater.TAIL;
        return size >= tail.length && Arrays.equals(out, size - tail.length, size, tail, 0, tail.length);
    }

    /** Releases the native memory; idempotent. */
    void release() {
        if (deflater != null) {
            deflater.end();
        }
    }
}
