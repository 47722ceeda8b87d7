package dev.weft.http.internal.h2;

import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.Status;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame reader's side of a connection: applies each frame the client sends to the streams
 * and windows, per RFC 9113 — stream states (section 5.1), flow control (5.2, 6.9), settings
 * (6.5), header blocks and their CONTINUATIONs (4.3, 6.10), malformed requests (8.1.1) — and
 * enforces the {@link dev.weft.http.Http2Limits}. Runs on the connection's thread; takes the
 * connection lock per frame, never while reading, and decodes header blocks outside it.
 */
final class FrameHandler {

    private static final Logger log = LoggerFactory.getLogger(FrameHandler.class);
    /**
     * The request of a stream refused for its header list, none of which was kept: the filters
     * see it with the method {@link dev.weft.http.Method#UNKNOWN} and an empty target, as an
     * unreadable HTTP/1.1 request line.
     */
    private static final H2Request UNREADABLE = new H2Request("", "", "", null, Headers.EMPTY, OptionalLong.empty());

    private final Http2Connection c;
    private final FrameReader reader;
    private final HpackDecoder decoder;
    private final RateWindow resets;
    private final RateWindow controlFrames;
    private final RateWindow emptyFrames;
    private HeaderBlock block;

    FrameHandler(Http2Connection connection, FrameReader reader) {
        this.c = connection;
        this.reader = reader;
        this.decoder = new HpackDecoder(connection.config.settings().headerTableBytes());
        long now = System.nanoTime();
        var limits = connection.config.limits();
        this.resets = new RateWindow(limits.resets(), now);
        this.controlFrames = new RateWindow(limits.controlFrames(), now);
        this.emptyFrames = new RateWindow(limits.emptyFrames(), now);
    }

    /**
     * Reads and applies frames until the client closes the connection.
     *
     * @throws ConnectionError for a violation that ends the connection
     */
    void run() throws IOException, ConnectionError {
        boolean first = true;
        while (true) {
            Frame frame;
            try {
                if (block == null && c.activeStreams() == 0) {
                    reader.shrinkIfEmpty();
                }
                frame = reader.next();
                if (frame == null) {
                    return;
                }
                if (first && !(frame instanceof Frame.Settings settings && !settings.ack())) {
                    throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "the first frame must be SETTINGS");
                }
                first = false;
                handle(frame);
            } catch (StreamError e) {
                if (block != null) {
                    throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "frame inside a header block: " + e.getMessage());
                }
                streamError(e);
            }
        }
    }

    private void handle(Frame frame) throws ConnectionError, StreamError {
        if (block != null && !(frame instanceof Frame.Continuation)) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "expected CONTINUATION of stream " + block.streamId
                    + ", got frame type " + frame.getClass().getSimpleName());
        }
        switch (frame) {
            case Frame.Data data -> data(data);
            case Frame.Headers headers -> headers(headers);
            case Frame.Priority priority -> {
                if (priority.dependency() == priority.streamId()) {
                    throw new StreamError(priority.streamId(), ErrorCode.PROTOCOL_ERROR, "stream depends on itself");
                }
            }
            case Frame.RstStream rst -> rstStream(rst);
            case Frame.Settings settings -> settings(settings);
            case Frame.Ping ping -> ping(ping);
            case Frame.GoAway goAway -> goAway(goAway);
            case Frame.WindowUpdate update -> windowUpdate(update);
            case Frame.Continuation continuation -> continuation(continuation);
            case Frame.Unknown unknown -> {
                // Unknown frame types are ignored (section 4.1).
            }
        }
    }

    // ------------------------------------------------------------------ header blocks

    private void headers(Frame.Headers frame) throws ConnectionError, StreamError {
        if (frame.streamId() % 2 == 0) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "client stream id " + frame.streamId() + " is even");
        }
        var limits = c.config.limits();
        try {
            block = new HeaderBlock(frame, limits.maxHeaderBlockBytes(), limits.maxContinuationFrames());
        } catch (ConnectionError e) {
            throw headerBlockFlood(e);
        }
        if (frame.endHeaders()) {
            completeBlock();
        }
    }

    private void continuation(Frame.Continuation frame) throws ConnectionError, StreamError {
        if (block == null) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "CONTINUATION without HEADERS");
        }
        try {
            block.continuation(frame);
        } catch (ConnectionError e) {
            throw headerBlockFlood(e);
        }
        if (frame.endHeaders()) {
            completeBlock();
        }
    }

    private ConnectionError headerBlockFlood(ConnectionError e) {
        if (e.code() == ErrorCode.ENHANCE_YOUR_CALM) {
            c.counters.headerBlockFloods.increment();
        }
        return e;
    }

    private void completeBlock() throws ConnectionError, StreamError {
        HeaderBlock done = block;
        block = null;
        HeaderFields fields = done.decode(decoder, c.config.settings().maxHeaderListBytes());
        c.lock.lock();
        try {
            Http2Stream existing = c.streams.get(done.streamId);
            if (existing != null) {
                trailers(existing, done, fields);
            } else if (done.streamId <= c.lastStreamId) {
                lateHeaders(done.streamId);
            } else {
                newStream(done, fields);
            }
        } finally {
            c.lock.unlock();
        }
    }

    private void trailers(Http2Stream stream, HeaderBlock done, HeaderFields fields)
            throws ConnectionError, StreamError {
        if (stream.remoteClosed || stream.reset != null) {
            lateFrame(stream.id, stream, "HEADERS");
            return;
        }
        if (!done.endStream) {
            throw new StreamError(stream.id, ErrorCode.PROTOCOL_ERROR, "trailers without END_STREAM");
        }
        if (fields.exceeded()) {
            throw new StreamError(stream.id, ErrorCode.PROTOCOL_ERROR, "trailers exceed the header list size");
        }
        RequestHeaders.checkTrailers(stream.id, fields);
        endOfRequest(stream);
    }

    private void lateHeaders(int streamId) throws ConnectionError, StreamError {
        if (c.closedStreams.how(streamId) == null) {
            throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "stream id " + streamId
                    + " is not greater than the last one (" + c.lastStreamId + ")");
        }
        lateFrame(streamId, null, "HEADERS");
    }

    private void newStream(HeaderBlock done, HeaderFields fields) throws ConnectionError, StreamError {
        int id = done.streamId;
        c.lastStreamId = id;
        if (done.dependency == id) {
            throw new StreamError(id, ErrorCode.PROTOCOL_ERROR, "stream depends on itself");
        }
        int maxStreams = c.config.settings().maxConcurrentStreams();
        if (c.goAwaySent || c.activeStreams >= maxStreams) {
            c.counters.refusedStreams.increment();
            countReset("refused streams");
            refuse(id, ErrorCode.REFUSED_STREAM);
            return;
        }
        if (fields.exceeded() || fields.size() > c.limits.maxHeaderCount()) {
            c.counters.headerListsTooLarge.increment();
            Http2Stream stream = c.openStream(id, UNREADABLE);
            stream.remoteClosed = done.endStream;
            stream.discarding = true;
            c.startExchange(stream, UNREADABLE, null, new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                    "request header list exceeds " + c.config.settings().maxHeaderListBytes() + " bytes or "
                    + c.limits.maxHeaderCount() + " fields"));
            return;
        }
        H2Request request = RequestHeaders.request(id, fields);
        if (done.endStream && request.contentLength().orElse(0) != 0) {
            throw new StreamError(id, ErrorCode.PROTOCOL_ERROR, "content-length "
                    + request.contentLength().getAsLong() + " but no body");
        }
        Http2Stream stream = c.openStream(id, request);
        stream.remoteClosed = done.endStream;
        c.startExchange(stream, request, null, null);
    }

    /** Answers a stream that never opened with RST_STREAM; lock held. */
    private void refuse(int streamId, ErrorCode code) throws ConnectionError {
        c.writer.control(FrameEncoder.rstStream(streamId, code));
        c.closedStreams.closed(streamId, ClosedStreams.How.RESET_BY_US);
        checkControlQueue();
    }

    // ------------------------------------------------------------------ data and windows

    private void data(Frame.Data frame) throws ConnectionError, StreamError {
        c.lock.lock();
        try {
            int id = frame.streamId();
            if (id > c.lastStreamId) {
                throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "DATA on idle stream " + id);
            }
            int flow = frame.flowLength();
            if (flow > c.connectionReceiveWindow) {
                throw new ConnectionError(ErrorCode.FLOW_CONTROL_ERROR, "DATA of " + flow
                        + " octets exceeds the connection window (" + c.connectionReceiveWindow + ")");
            }
            c.connectionReceiveWindow -= flow;
            Http2Stream stream = c.streams.get(id);
            if (stream == null || stream.remoteClosed || stream.reset != null) {
                c.returnConnectionCredit(flow);
                lateFrame(id, stream, "DATA");
                return;
            }
            if (flow > stream.receiveWindow) {
                c.returnConnectionCredit(flow);
                throw new StreamError(id, ErrorCode.FLOW_CONTROL_ERROR, "DATA of " + flow
                        + " octets exceeds the stream window (" + stream.receiveWindow + ")");
            }
            stream.receiveWindow -= flow;
            int length = frame.data().length();
            if (length == 0 && !frame.endStream() && !emptyFrames.admit(System.nanoTime())) {
                c.counters.emptyFrameFloods.increment();
                throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "more than " + emptyFrames.maxEvents()
                        + " empty DATA frames per window");
            }
            stream.received += length;
            if (stream.declaredLength.isPresent() && stream.received > stream.declaredLength.getAsLong()) {
                throw new StreamError(id, ErrorCode.PROTOCOL_ERROR, "more DATA than content-length "
                        + stream.declaredLength.getAsLong());
            }
            int kept = stream.discarding ? 0 : length;
            if (flow > kept) {
                c.returnConnectionCredit(flow - kept);
                c.returnStreamCredit(stream, flow - kept);
            }
            if (kept > 0) {
                stream.chunks.add(frame.data().copy());
                stream.buffered += kept;
            }
            if (frame.endStream()) {
                endOfRequest(stream);
            }
            stream.changed.signalAll();
        } finally {
            c.lock.unlock();
        }
    }

    /**
     * A DATA or HEADERS frame for a stream that takes no more (RFC 9113 section 5.1); lock held:
     * ignored after the server reset the stream (it may have crossed the reset); a stream error
     * {@code STREAM_CLOSED} on a half-closed (remote) stream or after the client's own reset; a
     * connection error {@code STREAM_CLOSED} once both sides ended the stream normally (also for
     * a stream closed so long ago it is no longer remembered).
     */
    private void lateFrame(int id, Http2Stream stream, String type) throws ConnectionError, StreamError {
        if (stream != null) {
            if (stream.reset != null && !stream.resetByPeer) {
                return;
            }
            if (stream.reset != null || !stream.localClosed) {
                throw new StreamError(id, ErrorCode.STREAM_CLOSED, type + " on a half-closed (remote) or reset stream");
            }
        } else {
            ClosedStreams.How how = c.closedStreams.how(id);
            if (how == ClosedStreams.How.RESET_BY_US) {
                return;
            }
            if (how == ClosedStreams.How.RESET_BY_PEER) {
                throw new StreamError(id, ErrorCode.STREAM_CLOSED, type + " after the client reset the stream");
            }
        }
        throw new ConnectionError(ErrorCode.STREAM_CLOSED, type + " on closed stream " + id);
    }

    /** The client ended its side of {@code stream}; lock held. */
    private void endOfRequest(Http2Stream stream) throws StreamError {
        stream.remoteClosed = true;
        stream.changed.signalAll();
        if (stream.declaredLength.isPresent() && stream.received != stream.declaredLength.getAsLong()) {
            throw new StreamError(stream.id, ErrorCode.PROTOCOL_ERROR, "request body of " + stream.received
                    + " octets but content-length " + stream.declaredLength.getAsLong());
        }
        c.freeSlotIfEnded(stream);
        c.closeIfDone(stream);
    }

    private void windowUpdate(Frame.WindowUpdate frame) throws ConnectionError, StreamError {
        c.lock.lock();
        try {
            int id = frame.streamId();
            int increment = frame.increment();
            if (id == 0) {
                if (increment == 0) {
                    throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "connection WINDOW_UPDATE of 0");
                }
                c.connectionSendWindow += increment;
                if (c.connectionSendWindow > Integer.MAX_VALUE) {
                    throw new ConnectionError(ErrorCode.FLOW_CONTROL_ERROR, "connection window above 2^31-1");
                }
                c.signalAllStreams();
                return;
            }
            if (id > c.lastStreamId) {
                throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "WINDOW_UPDATE on idle stream " + id);
            }
            Http2Stream stream = c.streams.get(id);
            if (stream == null || stream.reset != null) {
                return;
            }
            if (increment == 0) {
                throw new StreamError(id, ErrorCode.PROTOCOL_ERROR, "stream WINDOW_UPDATE of 0");
            }
            stream.sendWindow += increment;
            if (stream.sendWindow > Integer.MAX_VALUE) {
                throw new StreamError(id, ErrorCode.FLOW_CONTROL_ERROR, "stream window above 2^31-1");
            }
            stream.changed.signalAll();
        } finally {
            c.lock.unlock();
        }
    }

    // ------------------------------------------------------------------ control frames

    private void rstStream(Frame.RstStream frame) throws ConnectionError {
        c.lock.lock();
        try {
            int id = frame.streamId();
            if (id > c.lastStreamId) {
                throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "RST_STREAM on idle stream " + id);
            }
            Http2Stream stream = c.streams.get(id);
            if (stream == null || stream.reset != null) {
                return;
            }
            if (!stream.localClosed) {
                c.counters.clientResets.increment();
                countReset("streams reset by the client");
            }
            c.reset(stream, ErrorCode.CANCEL, true);
        } finally {
            c.lock.unlock();
        }
    }

    private void settings(Frame.Settings frame) throws ConnectionError {
        c.lock.lock();
        try {
            if (frame.ack()) {
                c.settingsAcknowledged();
                return;
            }
            countControlFrame("SETTINGS");
            apply(frame.settings());
            c.writer.control(FrameEncoder.settingsAck());
            checkControlQueue();
        } finally {
            c.lock.unlock();
        }
    }

    /** Applies the client's {@code HTTP2-Settings} of an upgrade, which are not acknowledged; lock held. */
    void applyUpgradeSettings(List<Frame.Setting> settings) {
        try {
            apply(settings);
        } catch (ConnectionError e) {
            throw new IllegalStateException("upgrade settings were validated before: " + e.getMessage(), e);
        }
    }

    private void apply(List<Frame.Setting> settings) throws ConnectionError {
        for (Frame.Setting setting : settings) {
            switch (setting.id()) {
                case Frame.Setting.HEADER_TABLE_SIZE -> c.peerHeaderTableSize(setting.value());
                case Frame.Setting.INITIAL_WINDOW_SIZE -> {
                    long delta = setting.value() - c.peerInitialWindow;
                    c.peerInitialWindow = setting.value();
                    for (Http2Stream stream : c.streams.values()) {
                        stream.sendWindow += delta;
                        if (stream.sendWindow > Integer.MAX_VALUE) {
                            throw new ConnectionError(ErrorCode.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE of "
                                    + setting.value() + " makes " + stream + "'s window exceed 2^31-1");
                        }
                        stream.changed.signalAll();
                    }
                }
                case Frame.Setting.MAX_FRAME_SIZE -> c.peerMaxFrame = (int) setting.value();
                default -> {
                    // ENABLE_PUSH (we never push), MAX_CONCURRENT_STREAMS (we open none),
                    // MAX_HEADER_LIST_SIZE (advisory) and unknown settings need nothing.
                }
            }
        }
    }

    private void ping(Frame.Ping frame) throws ConnectionError {
        if (frame.ack()) {
            return;
        }
        c.lock.lock();
        try {
            countControlFrame("PING");
            c.writer.control(FrameEncoder.pingAck(frame.opaque()));
            checkControlQueue();
        } finally {
            c.lock.unlock();
        }
    }

    private void goAway(Frame.GoAway frame) {
        c.lock.lock();
        try {
            if (frame.errorCode() != ErrorCode.NO_ERROR.code()) {
                log.debug("{} client sent GOAWAY {}", c,
                        ErrorCode.describe(frame.errorCode()));
            }
            c.goAway(ErrorCode.NO_ERROR);
            if (c.activeStreams == 0) {
                c.writer.closeAfterFlush();
            }
        } finally {
            c.lock.unlock();
        }
    }

    // ------------------------------------------------------------------ errors and floods

    private void streamError(StreamError e) throws ConnectionError {
        c.lock.lock();
        try {
            c.counters.streamErrors.increment();
            log.debug("{} {}", c, e.toString());
            countControlFrame("frames answered with RST_STREAM");
            Http2Stream stream = c.streams.get(e.streamId());
            if (stream != null && stream.reset == null) {
                c.reset(stream, e.code(), false);
                checkControlQueue();
            } else {
                refuse(e.streamId(), e.code());
            }
        } finally {
            c.lock.unlock();
        }
    }

    private void countReset(String what) throws ConnectionError {
        if (!resets.admit(System.nanoTime())) {
            c.counters.rapidResets.increment();
            throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "more than " + resets.maxEvents() + " " + what
                    + " per window");
        }
    }

    private void countControlFrame(String what) throws ConnectionError {
        if (!controlFrames.admit(System.nanoTime())) {
            c.counters.controlFrameFloods.increment();
            throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "more than " + controlFrames.maxEvents()
                    + " control frames per window (" + what + ")");
        }
    }

    /** Fails a connection whose peer leaves our answers unread; lock held. */
    private void checkControlQueue() throws ConnectionError {
        int max = c.config.limits().maxQueuedControlFrames();
        if (c.writer.queuedControlFrames() > max) {
            c.counters.unreadAnswers.increment();
            throw new ConnectionError(ErrorCode.ENHANCE_YOUR_CALM, "more than " + max
                    + " answers queued: the client does not read");
        }
    }
}
