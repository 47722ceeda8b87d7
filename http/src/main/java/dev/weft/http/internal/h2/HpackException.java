package dev.weft.http.internal.h2;

/**
 * A header block that cannot be decoded (RFC 7541): a bad index, integer or string, a misplaced
 * or oversized table size update, bad Huffman padding. The decoder's state is then unusable, so
 * the connection ends with {@code COMPRESSION_ERROR}.
 */
final class HpackException extends Exception {

    private static final long serialVersionUID = 1L;

    HpackException(String message) {
        super(message, null, false, false);
    }
}
