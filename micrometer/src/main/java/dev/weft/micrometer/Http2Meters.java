package dev.weft.micrometer;

import dev.weft.http.Http2Metrics;
import io.micrometer.core.instrument.Tags;

/** The meters of an HTTP server's {@link Http2Metrics}: one line per component. */
final class Http2Meters {

    private static final String FLOODS = "weft.http2.floods";
    private static final String FLOODS_HELP = "connections ended with GOAWAY ENHANCE_YOUR_CALM, by kind of abuse";

    /** One line per component of {@link Http2Metrics} and of its {@link Http2Metrics.Floods}. */
    static final MeterTable<Http2Metrics> HTTP2 = new MeterTable<Http2Metrics>()
            .counter("weft.http2.connections", "HTTP/2 connections served (prior knowledge, upgrade or ALPN)",
                    Http2Metrics::connections)
            .gauge("weft.http2.connections.open", "HTTP/2 connections open now", Http2Metrics::openConnections)
            .counter("weft.http2.streams", "request streams whose handler ran", Http2Metrics::streams)
            .gauge("weft.http2.streams.open", "streams holding a concurrency slot now", Http2Metrics::openStreams)
            .counter("weft.http2.streams.refused", "streams refused with REFUSED_STREAM", Http2Metrics::refusedStreams)
            .counter("weft.http2.streams.reset", Tags.of("by", "client"), "streams reset before their response completed",
                    Http2Metrics::clientResets)
            .counter("weft.http2.streams.reset", Tags.of("by", "server"), "streams reset before their response completed",
                    Http2Metrics::streamErrors)
            .counter("weft.http2.stream.write.timeouts", "streams reset because the client kept their window closed",
                    Http2Metrics::streamWriteTimeouts)
            .counter("weft.http2.header.lists.too.large", "requests answered 431 for their header list",
                    Http2Metrics::headerListsTooLarge)
            .counter("weft.http2.connection.errors", "connections ended by GOAWAY with an error code",
                    Http2Metrics::connectionErrors)
            .counter("weft.http2.timeouts", Tags.of("kind", "idle"), "connections closed by a timeout",
                    Http2Metrics::idleTimeouts)
            .counter("weft.http2.timeouts", Tags.of("kind", "settings"), "connections closed by a timeout",
                    Http2Metrics::settingsTimeouts)
            .counter(FLOODS, Tags.of("kind", "rapid_reset"), FLOODS_HELP, m -> m.floods().rapidResets())
            .counter(FLOODS, Tags.of("kind", "header_block"), FLOODS_HELP, m -> m.floods().headerBlockFloods())
            .counter(FLOODS, Tags.of("kind", "control_frame"), FLOODS_HELP, m -> m.floods().controlFrameFloods())
            .counter(FLOODS, Tags.of("kind", "empty_frame"), FLOODS_HELP, m -> m.floods().emptyFrameFloods())
            .counter(FLOODS, Tags.of("kind", "unread_answers"), FLOODS_HELP, m -> m.floods().unreadAnswers());

    private Http2Meters() {
    }
}
