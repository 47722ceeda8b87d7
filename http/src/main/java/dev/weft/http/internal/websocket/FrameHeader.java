package dev.weft.http.internal.websocket;

/**
 * The header of one frame from the peer, already checked against the framing rules.
 *
 * @param fin    whether this is the final frame of its message
 * @param rsv1   the "compressed" bit of {@code permessage-deflate} (first frame of a message only)
 * @param opcode the opcode
 * @param length the payload length in bytes
 */
record FrameHeader(boolean fin, boolean rsv1, Opcode opcode, long length) {
}
