package dev.weft.http;

/**
 * The HTTP/2 settings the server advertises in its first {@code SETTINGS} frame (RFC 9113
 * section 6.5.2), with the receive windows it grants. Each is a promise to the peer and a bound
 * on what one connection may cost the server.
 *
 * @param maxConcurrentStreams  {@code SETTINGS_MAX_CONCURRENT_STREAMS}: how many request streams
 *                              may be open at once, counting a reset stream until its handler
 *                              has returned; default 100. One more is refused with
 *                              {@code RST_STREAM REFUSED_STREAM}. More admits more parallel
 *                              requests per connection but more handler threads per client
 * @param initialWindowBytes    {@code SETTINGS_INITIAL_WINDOW_SIZE}: how many request body bytes
 *                              a stream may send before its handler reads them; default 256 KiB.
 *                              Exceeding it is a {@code FLOW_CONTROL_ERROR}
 * @param connectionWindowBytes how many request body bytes all streams of a connection together
 *                              may have unread, the most a connection buffers; default 1 MiB
 *                              (granted by a {@code WINDOW_UPDATE} after the preface). Credit is
 *                              given back as handlers read, or drop a body they do not read
 * @param maxFrameBytes         {@code SETTINGS_MAX_FRAME_SIZE}: the largest frame payload
 *                              accepted, 16384 to 16777215; default 16384. Larger →
 *                              {@code GOAWAY FRAME_SIZE_ERROR}, read no further than its header
 * @param maxHeaderListBytes    {@code SETTINGS_MAX_HEADER_LIST_SIZE}: the largest decoded header
 *                              list (names + values + 32 per field); default 16 KiB, as for
 *                              HTTP/1.1. Larger → {@code 431}, counted while decoding so a list
 *                              built from the dynamic table is refused before it exists
 * @param headerTableBytes      {@code SETTINGS_HEADER_TABLE_SIZE}: the HPACK table the client's
 *                              encoder may use, memory kept per connection; default 4096
 */
public record Http2Settings(int maxConcurrentStreams, int initialWindowBytes, int connectionWindowBytes,
                            int maxFrameBytes, int maxHeaderListBytes, int headerTableBytes) {

    /** The documented defaults. */
    public static final Http2Settings DEFAULTS = new Http2Settings(100, 256 * 1024, 1024 * 1024, 16_384, 16_384, 4096);

    /** Validates every component. */
    public Http2Settings {
        Http2Limits.requireAtLeast(maxConcurrentStreams, 1, "maxConcurrentStreams");
        Http2Limits.requireAtLeast(initialWindowBytes, 1, "initialWindowBytes");
        Http2Limits.requireAtLeast(connectionWindowBytes, 65_535, "connectionWindowBytes");
        Http2Limits.requireAtLeast(maxFrameBytes, 16_384, "maxFrameBytes");
        if (maxFrameBytes > 16_777_215) {
            throw new IllegalArgumentException("maxFrameBytes must be <= 16777215: " + maxFrameBytes);
        }
        Http2Limits.requireAtLeast(maxHeaderListBytes, 64, "maxHeaderListBytes");
        Http2Limits.requireAtLeast(headerTableBytes, 0, "headerTableBytes");
    }
}
