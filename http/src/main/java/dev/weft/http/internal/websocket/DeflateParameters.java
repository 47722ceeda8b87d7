package dev.weft.http.internal.websocket;

/**
 * The {@code permessage-deflate} parameters agreed in a handshake (RFC 7692), as far as they
 * change what the engine does. Window sizes do not appear: this server always compresses with
 * the 15-bit window the JDK's deflater uses (an offer requiring less is declined), and its
 * inflater accepts any window the client uses.
 *
 * @param serverNoContextTakeover whether the server's compressor starts afresh for each message
 * @param clientNoContextTakeover whether the client's compressor does (so the server's
 *                                decompressor may start afresh for each message too)
 */
record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover) {
}
