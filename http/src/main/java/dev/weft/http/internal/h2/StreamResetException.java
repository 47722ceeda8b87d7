package dev.weft.http.internal.h2;

import java.io.IOException;

/**
 * What a handler's body read or write throws once its stream is reset (by the client, by the
 * server for a protocol error or timeout, or because the connection closed): the exchange is
 * over and nothing more can be sent.
 */
final class StreamResetException extends IOException {

    private static final long serialVersionUID = 1L;

    StreamResetException(Http2Stream stream, ErrorCode code) {
        super(stream + " was reset (" + code + ")");
    }
}
