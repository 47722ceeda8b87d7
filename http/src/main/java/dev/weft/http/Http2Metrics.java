package dev.weft.http;

/**
 * A snapshot of the HTTP/2 counters of one server ({@link HttpServer#http2Metrics()}), each an
 * outcome the configuration defines, all since the server was created except the two gauges.
 *
 * @param connections         HTTP/2 connections served (prior knowledge, upgrade or ALPN)
 * @param openConnections     HTTP/2 connections open now (a gauge)
 * @param streams             request streams whose handler ran
 * @param openStreams         streams holding a concurrency slot now, on all connections (a gauge)
 * @param refusedStreams      streams refused with {@code REFUSED_STREAM} (over
 *                            {@link Http2Settings#maxConcurrentStreams()}, or while stopping)
 * @param clientResets        streams the client reset ({@code RST_STREAM}) before their response
 *                            was complete
 * @param streamErrors        streams reset by the server for a protocol error, a timeout or a
 *                            stuck window ({@link #streamWriteTimeouts()} included)
 * @param streamWriteTimeouts streams reset because the client kept their window closed for
 *                            {@link Http2Config#streamWriteTimeout()}
 * @param headerListsTooLarge requests answered {@code 431} for their header list (an HPACK
 *                            "bomb" included: counted while decoding)
 * @param connectionErrors    connections ended by {@code GOAWAY} with an error code, floods
 *                            included
 * @param idleTimeouts        connections closed after {@link Http2Config#idleTimeout()}
 * @param settingsTimeouts    connections closed because {@code SETTINGS} went unacknowledged
 * @param floods              connections ended with {@code ENHANCE_YOUR_CALM}, by kind of abuse
 */
public record Http2Metrics(long connections, long openConnections, long streams, long openStreams,
                           long refusedStreams, long clientResets, long streamErrors, long streamWriteTimeouts,
                           long headerListsTooLarge, long connectionErrors, long idleTimeouts,
                           long settingsTimeouts, Floods floods) {

    /** All zero: the metrics of a server that speaks no HTTP/2. */
    public static final Http2Metrics NONE = new Http2Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            new Floods(0, 0, 0, 0, 0));

    /**
     * Connections refused as abusive ({@code GOAWAY ENHANCE_YOUR_CALM}, then closed), by kind;
     * see {@link Http2Limits} for each bound.
     *
     * @param rapidResets        too many streams reset by the client or refused
     *                           ({@link Http2Limits#resets()}, "rapid reset", CVE-2023-44487)
     * @param headerBlockFloods  a header block over its bytes or its {@code CONTINUATION} frames
     *                           (the CONTINUATION flood)
     * @param controlFrameFloods too many {@code SETTINGS}, {@code PING} or frames answered with
     *                           {@code RST_STREAM}
     * @param emptyFrameFloods   too many empty {@code DATA} frames
     * @param unreadAnswers      too many answers queued to a client that does not read
     */
    public record Floods(long rapidResets, long headerBlockFloods, long controlFrameFloods, long emptyFrameFloods,
                         long unreadAnswers) {

        /** {@return every connection refused as abusive, all kinds together} */
        public long total() {
            return rapidResets + headerBlockFloods + controlFrameFloods + emptyFrameFloods + unreadAnswers;
        }
    }
}
