package dev.weft.http.internal.h2;

/** The error codes of RFC 9113 section 7, sent in {@code RST_STREAM} and {@code GOAWAY}. */
enum ErrorCode {
    /** A graceful shutdown, or a stream no longer needed. */
    NO_ERROR(0x0),
    /** A protocol violation with no more specific code. */
    PROTOCOL_ERROR(0x1),
    /** An unexpected internal error. */
    INTERNAL_ERROR(0x2),
    /** The peer violated the flow-control protocol. */
    FLOW_CONTROL_ERROR(0x3),
    /** Our {@code SETTINGS} were not acknowledged in time. */
    SETTINGS_TIMEOUT(0x4),
    /** A frame arrived for a half-closed or closed stream. */
    STREAM_CLOSED(0x5),
    /** A frame had an invalid size. */
    FRAME_SIZE_ERROR(0x6),
    /** The stream was refused before any processing. */
    REFUSED_STREAM(0x7),
    /** The stream is no longer needed. */
    CANCEL(0x8),
    /** The header compression context could not be maintained. */
    COMPRESSION_ERROR(0x9),
    /** A {@code CONNECT} tunnel failed. */
    CONNECT_ERROR(0xa),
    /** The peer generates excessive load. */
    ENHANCE_YOUR_CALM(0xb),
    /** The transport does not meet minimum security requirements. */
    INADEQUATE_SECURITY(0xc),
    /** HTTP/1.1 must be used instead. */
    HTTP_1_1_REQUIRED(0xd);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The code on the wire. */
    int code() {
        return code;
    }

    /** The name of wire code {@code code}, or its hex value when unknown (peers may send any). */
    static String describe(long code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e.name();
            }
        }
        return "0x" + Long.toHexString(code);
    }
}
