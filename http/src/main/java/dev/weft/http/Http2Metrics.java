package dev.weft.http;

/**
 * A snapshot of the HTTP/2 counters of one server, each an outcome the configuration defines.
 *
 * @param connections          HTTP/2 connections served (prior knowledge, upgrade or ALPN)
 * @param streams              request streams whose handler ran
 * @param refusedStreams       streams refused with {@code REFUSED_STREAM} (over
 *                             {@link Http2Settings#maxConcurrentStreams()} or while stopping)
 * @param streamErrors         streams reset by the server for a protocol error, a timeout or a
 *                             stuck window ({@link #streamWriteTimeouts()} included)
 * @param streamWriteTimeouts  streams reset because the client kept their window closed
 * @param headerListsTooLarge  requests answered {@code 431} for their header list
 * @param connectionErrors     connections ended by {@code GOAWAY} with an error code, floods
 *                             included
 * @param floodsRefused        connections ended with {@code ENHANCE_YOUR_CALM}: rapid reset,
 *                             control or empty frame floods, CONTINUATION floods, a client
 *                             that does not read
 * @param idleTimeouts         connections closed after {@link Http2Config#idleTimeout()}
 * @param settingsTimeouts     connections closed because {@code SETTINGS} went unacknowledged
 */
public record Http2Metrics(long connections, long streams, long refusedStreams, long streamErrors,
                           long streamWriteTimeouts, long headerListsTooLarge, long connectionErrors,
                           long floodsRefused, long idleTimeouts, long settingsTimeouts) {
}
