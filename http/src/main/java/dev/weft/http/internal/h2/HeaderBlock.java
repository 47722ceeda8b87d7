package dev.weft.http.internal.h2;

import java.util.Arrays;

/**
 * One header block being assembled from a {@code HEADERS} frame and its {@code CONTINUATION}s
 * (RFC 9113 section 4.3), bounded in bytes and in frames: the block must be whole before HPACK
 * can decode it, so these bounds are what the CONTINUATION flood runs into.
 */
final class HeaderBlock {

    /** The stream the block belongs to. */
    final int streamId;
    /** Whether the HEADERS frame ended the stream. */
    final boolean endStream;
    /** The stream the HEADERS frame's priority names, or 0. */
    final int dependency;
    private final int maxBytes;
    private final int maxContinuations;
    private byte[] bytes = new byte[1024];
    private int length;
    private int continuations;

    HeaderBlock(Frame.Headers frame, int maxBytes, int maxContinuations) throws ConnectionError {
        this.streamId = frame.streamId();
        this.endStream = frame.endStream();
        this.dependency = frame.dependency();
        this.maxBytes = maxBytes;
        this.maxContinuations = maxContinuations;
        append(frame.fragment());
    }

    /** Adds a CONTINUATION's fragment. */
    void continuation(Frame.Continuation frame) throws ConnectionError {
        if (frame.streamId() != streamId) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "CONTINUATION of stream " + frame.streamId()
                    + " inside the header block of stream " + streamId);
        }
        if (++continuations > maxContinuations) {
            throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "header block of more than " + maxContinuations
                    + " CONTINUATION frames");
        }
        append(frame.fragment());
    }

    private void append(Frame.Slice fragment) throws ConnectionError {
        int newLength = length + fragment.length();
        if (newLength > maxBytes) {
            throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "header block of " + newLength
                    + " octets exceeds the maximum (" + maxBytes + ")");
        }
        if (newLength > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(newLength, 2 * bytes.length)));
        }
        System.arraycopy(fragment.bytes(), fragment.offset(), bytes, length, fragment.length());
        length = newLength;
    }

    /** Decodes the complete block. */
    HeaderFields decode(HpackDecoder decoder, long maxListBytes) throws ConnectionError {
        try {
            return decoder.decode(bytes, 0, length, maxListBytes);
        } catch (HpackException e) {
            throw new ConnectionError(ErrorCode.COMPRESSION_ERROR, e.getMessage());
        }
    }
}
