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
 * @param floodsRefused        connections ended with {@code ENHANCE_YOUR_CALM}, all kinds: the
 *                             sum of the five counts below
 * @param rapidResets          of those, for too many streams reset by the client or refused
 *                             ({@link Http2Limits#resets()}, "rapid reset")
 * @param headerBlockFloods    of those, for a header block over its bytes or its CONTINUATION
 *                             frames
 * @param controlFrameFloods   of those, for too many SETTINGS, PING or frames answered with
 *                             RST_STREAM
 * @param emptyFrameFloods     of those, for too many empty DATA frames
 * @param unreadAnswers        of those, for too many answers queued to a client that does not
 *                             read
 * @param idleTimeouts         connections closed after {@link Http2Config#idleTimeout()}
 * @param settingsTimeouts     connections closed because {@code SETTINGS} went unacknowledged
 */
public record Http2Metrics(long connections, long streams, long refusedStreams, long streamErrors,
                           long streamWriteTimeouts, long headerListsTooLarge, long connectionErrors,
                           long floodsRefused, long rapidResets, long headerBlockFloods, long controlFrameFloods,
                           long emptyFrameFloods, long unreadAnswers, long idleTimeouts, long settingsTimeouts) {
}
