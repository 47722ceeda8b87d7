package dev.weft.http.internal.h2;

import dev.weft.http.Http2Config;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.HttpPipeline;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/2 connection (RFC 9113), server side: the engine behind cleartext prior knowledge,
 * {@code Upgrade: h2c} and ALPN {@code h2}.
 *
 * <p><b>Threads.</b> The caller's thread (the core connection's virtual thread) reads frames
 * and runs the protocol ({@link FrameHandler}). One virtual thread, the {@link FrameWriter},
 * writes the socket and keeps the connection's deadlines. Each request stream runs through the
 * server's {@link HttpPipeline} (filters, router, handler, error model — the same as HTTP/1.1) on
 * a thread of its own ({@link StreamExchange}); a handler blocks
 * on its own stream only — reading a body that has not arrived, or writing while the client's
 * flow-control window is closed — never on the reader, the writer or another stream.
 *
 * <p><b>State.</b> Everything shared (streams, windows, the HPACK encoder, the writer's queues)
 * is guarded by one {@link ReentrantLock}, held for bookkeeping and frame encoding only, never
 * across socket I/O. {@link #run} returns once the socket is closed and every stream thread has
 * ended. Every thread is started through {@link Wire#startThread}: on a server they are the
 * server's, counted and awaited by its {@code stop}.
 */
public final class Http2Connection implements FrameWriter.Events {

    private static final Logger log = LoggerFactory.getLogger(Http2Connection.class);
    /** The window every stream and the connection start with before SETTINGS say otherwise. */
    static final int DEFAULT_WINDOW = 65_535;
    /** How long the writer may take to flush a last GOAWAY before the socket is closed anyway. */
    private static final Duration CLOSE_FLUSH = Duration.ofSeconds(2);

    final ReentrantLock lock = new ReentrantLock();
    final Wire wire;
    final Http2Config config;
    final HttpLimits limits;
    final HttpPipeline pipeline;
    final H2Counters counters;
    final String name;
    final ResponseHeaders responseHeaders;
    final FrameWriter writer;
    final Map<Integer, Http2Stream> streams = new HashMap<>();
    final ClosedStreams closedStreams;
    /** The blocking operations of stream threads: body reads, header and DATA sends. */
    final StreamIo io = new StreamIo(this);
    /** Signalled when the last running exchange ends. */
    private final Condition handlersDone = lock.newCondition();

    /** The highest stream id the client opened. */
    int lastStreamId;
    /**
     * The slots in use (SETTINGS_MAX_CONCURRENT_STREAMS): streams not yet ended on both sides, and
     * reset streams whose handler has not returned.
     */
    int activeStreams;
    /**
     * Streams whose handler still runs. The idle timeout counts from when this reaches 0, so a
     * client that leaves answered streams half-open cannot keep a connection forever.
     */
    private int runningHandlers;
    long connectionSendWindow = DEFAULT_WINDOW;
    int connectionReceiveWindow = DEFAULT_WINDOW;
    private int connectionUnreturnedCredit;
    long peerInitialWindow = DEFAULT_WINDOW;
    int peerMaxFrame = 16_384;
    boolean goAwaySent;
    /** Whether the connection is ending: every stream operation fails from now on. */
    boolean closed;
    private long settingsAckDeadline = Long.MAX_VALUE;
    private long idleDeadline = Long.MAX_VALUE;
    /** When a graceful stop closes the connection anyway; {@code Long.MAX_VALUE} until one is asked. */
    private long stopDeadline = Long.MAX_VALUE;
    /** Whether the server's preface is queued (a stop asked before then sends GOAWAY after it). */
    private boolean started;

    /**
     * A connection over {@code wire}, not yet running ({@link #run}).
     *
     * @param wire       the byte stream
     * @param config     the HTTP/2 configuration
     * @param limits     the request limits shared with HTTP/1.1 (body size, body read timeout,
     *                   header count)
     * @param pipeline   the application: filters, router, handler, error model
     * @param serverName the value of the {@code server} response field
     * @param counters   the server's HTTP/2 counters
     * @param name       the connection's name in log lines
     */
    public Http2Connection(Wire wire, Http2Config config, HttpLimits limits, HttpPipeline pipeline, String serverName,
                           H2Counters counters, String name) {
        this.wire = wire;
        this.config = config;
        this.limits = limits;
        this.pipeline = pipeline;
        this.counters = counters;
        this.name = name;
        this.responseHeaders = new ResponseHeaders(serverName);
        this.closedStreams = new ClosedStreams(Math.max(128, 2 * config.settings().maxConcurrentStreams()));
        this.writer = new FrameWriter(lock, wire, this, name);
    }

    /**
     * Serves a connection that starts with the client preface (prior knowledge, or ALPN
     * {@code h2}); returns when it is closed.
     *
     * @param alreadyRead the bytes already read from the connection, from its first byte (the
     *                    preface, or part of it, and anything after)
     */
    public void run(byte[] alreadyRead) {
        serve(alreadyRead, null);
    }

    /**
     * Serves a connection upgraded from HTTP/1.1 ({@code Upgrade: h2c}) after the
     * {@code 101 Switching Protocols} response was written: the upgrade request becomes stream 1
     * and the client's preface follows.
     *
     * @param upgrade     the upgrade request and its settings
     * @param alreadyRead the bytes read after the upgrade request
     */
    public void runUpgraded(H2cUpgrade upgrade, byte[] alreadyRead) {
        serve(alreadyRead, upgrade);
    }

    /**
     * Stops gracefully: {@code GOAWAY NO_ERROR} naming the last stream processed, new streams
     * refused, open streams allowed to finish until {@code grace} has passed; then closed. Any
     * thread; idempotent.
     *
     * @param grace how long open streams may go on
     */
    public void stop(Duration grace) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            stopDeadline = Math.min(stopDeadline, System.nanoTime() + grace.toNanos());
            if (started) {
                beginStop();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends GOAWAY for a graceful stop, and closes at once when no stream is open; lock held. */
    private void beginStop() {
        goAway(ErrorCode.NO_ERROR);
        if (activeStreams == 0) {
            writer.closeAfterFlush();
        }
        writer.wake();
    }

    private void serve(byte[] alreadyRead, H2cUpgrade upgrade) {
        counters.connections.increment();
        Thread writerThread = wire.startThread("h2-writer", writer);
        FrameReader reader = new FrameReader(wire, alreadyRead, config.settings().maxFrameBytes());
        FrameHandler frames = new FrameHandler(this, reader);
        try {
            lock.lock();
            try {
                sendPreface();
                if (upgrade != null) {
                    frames.applyUpgradeSettings(upgrade.settings());
                    startUpgradedStream(upgrade);
                }
                started = true;
                if (stopDeadline != Long.MAX_VALUE) {
                    beginStop();
                }
            } finally {
                lock.unlock();
            }
            byte[] preface = reader.readRaw(Preface.LENGTH);
            if (Preface.match(preface, 0, preface.length) != Preface.Match.PREFACE) {
                throw new ConnectionError(ErrorCode.PROTOCOL_ERROR, "invalid connection preface");
            }
            frames.run();
        } catch (ConnectionError e) {
            connectionError(e);
        } catch (EOFException | InterruptedIOException e) {
            log.debug("{} ended: {}", name, e.toString());
        } catch (IOException e) {
            log.debug("{} read failed (peer gone or connection closed): {}", name, e.toString());
        } finally {
            shutdown(writerThread);
        }
    }

    private void sendPreface() {
        var settings = config.settings();
        writer.control(FrameEncoder.settings(List.of(
                new Frame.Setting(Frame.Setting.HEADER_TABLE_SIZE, settings.headerTableBytes()),
                new Frame.Setting(Frame.Setting.ENABLE_PUSH, 0),
                new Frame.Setting(Frame.Setting.MAX_CONCURRENT_STREAMS, settings.maxConcurrentStreams()),
                new Frame.Setting(Frame.Setting.INITIAL_WINDOW_SIZE, settings.initialWindowBytes()),
                new Frame.Setting(Frame.Setting.MAX_FRAME_SIZE, settings.maxFrameBytes()),
                new Frame.Setting(Frame.Setting.MAX_HEADER_LIST_SIZE, settings.maxHeaderListBytes()))));
        int growth = settings.connectionWindowBytes() - DEFAULT_WINDOW;
        if (growth > 0) {
            writer.control(FrameEncoder.windowUpdate(0, growth));
            connectionReceiveWindow += growth;
        }
        long now = System.nanoTime();
        settingsAckDeadline = now + config.settingsAckTimeout().toNanos();
        idleDeadline = now + config.idleTimeout().toNanos();
    }

    private void startUpgradedStream(H2cUpgrade upgrade) {
        lastStreamId = 1;
        Http2Stream stream = openStream(1, upgrade.request());
        stream.remoteClosed = true;
        stream.receiveWindow = 0;
        startExchange(stream, upgrade.request(), upgrade.body(), null);
    }

    /** Ends the connection for a connection error: GOAWAY with its code, then close. */
    void connectionError(ConnectionError e) {
        lock.lock();
        try {
            counters.connectionErrors.increment();
            if (e.code() == ErrorCode.ENHANCE_YOUR_CALM) {
                log.info("{} refused an abusive client: {}", name, e.getMessage());
            } else {
                log.debug("{} connection error {}", name, e.toString());
            }
            goAway(e.code());
            writer.closeAfterFlush();
        } finally {
            lock.unlock();
        }
    }

    /** Queues GOAWAY with the last stream processed; lock held. A later one may only add an error. */
    void goAway(ErrorCode code) {
        if (goAwaySent && code == ErrorCode.NO_ERROR) {
            return;
        }
        goAwaySent = true;
        writer.control(FrameEncoder.goAway(lastStreamId, code));
    }

    private void shutdown(Thread writerThread) {
        lock.lock();
        try {
            closed = true;
            for (Http2Stream stream : List.copyOf(streams.values())) {
                if (stream.reset == null) {
                    stream.reset = ErrorCode.CANCEL;
                }
                stream.changed.signalAll();
                closeIfDone(stream);
            }
            writer.closeAfterFlush();
        } finally {
            lock.unlock();
        }
        try {
            if (!writerThread.join(CLOSE_FLUSH)) {
                wire.close();
                writerThread.join();
            }
            wire.close();
            awaitHandlers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wire.close();
        }
    }

    /** Waits until every stream's exchange has ended (they fail fast once the connection is closed). */
    private void awaitHandlers() throws InterruptedException {
        lock.lock();
        try {
            while (runningHandlers > 0) {
                handlersDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- streams (lock held)

    /** Creates and registers a stream the client opened; lock held. */
    Http2Stream openStream(int id, H2Request request) {
        Http2Stream stream = new Http2Stream(id, lock.newCondition(), request.contentLength(), peerInitialWindow,
                config.settings().initialWindowBytes());
        streams.put(id, stream);
        activeStreams++;
        return stream;
    }

    /**
     * Starts the stream's exchange on a thread of its own; lock held.
     *
     * @param upgradeBody the body of an upgrade request, already read, or null
     * @param refusal     why the request is refused before the handler (431), or null
     */
    void startExchange(Http2Stream stream, H2Request request, byte[] upgradeBody, HttpException refusal) {
        runningHandlers++;
        idleDeadline = Long.MAX_VALUE;
        if (refusal == null) {
            counters.streams.increment();
        }
        StreamExchange exchange = new StreamExchange(this, stream, request, upgradeBody, refusal);
        try {
            wire.startThread("s" + stream.id, exchange::run);
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("{} could not start a thread for {}", name, stream, e);
            runningHandlers--;
            stream.handlerDone = true;
            reset(stream, ErrorCode.INTERNAL_ERROR, false);
        }
    }

    /**
     * Resets {@code stream}; lock held. Its unread body is dropped and its waiting handler woken;
     * {@code RST_STREAM} is queued after the stream's frames unless the peer reset it.
     */
    void reset(Http2Stream stream, ErrorCode code, boolean byPeer) {
        if (stream.reset != null) {
            return;
        }
        stream.reset = code;
        stream.resetByPeer = byPeer;
        returnConnectionCredit(stream.dropBuffered());
        stream.changed.signalAll();
        if (!byPeer) {
            writer.stream(stream, FrameEncoder.rstStream(stream.id, code), 0);
            writer.wake();
        }
        closeIfDone(stream);
    }

    /**
     * The stream's handler has returned. A response cut short resets the stream; a complete one
     * leaves it half-closed (local) until the client ends its side, its further body dropped.
     */
    void exchangeDone(Http2Stream stream) {
        lock.lock();
        try {
            stream.handlerDone = true;
            stream.discarding = true;
            if (--runningHandlers == 0) {
                idleDeadline = System.nanoTime() + config.idleTimeout().toNanos();
                writer.wake();
                handlersDone.signalAll();
            }
            returnConnectionCredit(stream.dropBuffered());
            if (stream.reset == null && !stream.localClosed) {
                reset(stream, ErrorCode.INTERNAL_ERROR, false);
            }
            closeIfDone(stream);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets a stream whose handler is done and whose both sides are closed, and frees its slot
     * if that was not done already; lock held.
     */
    void closeIfDone(Http2Stream stream) {
        if (!stream.handlerDone || !stream.closed() || streams.remove(stream.id) == null) {
            return;
        }
        closedStreams.closed(stream.id, stream.reset == null ? ClosedStreams.How.ENDED
                : stream.resetByPeer ? ClosedStreams.How.RESET_BY_PEER : ClosedStreams.How.RESET_BY_US);
        freeSlot(stream);
    }

    /**
     * Frees the slot of a stream both sides ended normally, as soon as its last frame is queued:
     * the client may open a new stream the moment it reads END_STREAM, before the handler's
     * thread has formally returned. A reset stream keeps its slot until its handler returns
     * ({@link #closeIfDone}), which is what bounds rapid reset. Lock held.
     */
    void freeSlotIfEnded(Http2Stream stream) {
        if (stream.localClosed && stream.remoteClosed && stream.reset == null) {
            freeSlot(stream);
        }
    }

    private void freeSlot(Http2Stream stream) {
        if (stream.slotFreed) {
            return;
        }
        stream.slotFreed = true;
        activeStreams--;
        if (activeStreams == 0 && goAwaySent) {
            writer.closeAfterFlush();
        }
    }

    /** Gives credit for {@code bytes} of the connection window back once enough has gathered; lock held. */
    void returnConnectionCredit(long bytes) {
        if (bytes <= 0) {
            return;
        }
        connectionUnreturnedCredit += (int) bytes;
        if (connectionUnreturnedCredit >= config.settings().connectionWindowBytes() / 4) {
            writer.control(FrameEncoder.windowUpdate(0, connectionUnreturnedCredit));
            connectionReceiveWindow += connectionUnreturnedCredit;
            connectionUnreturnedCredit = 0;
        }
    }

    /** Gives credit for {@code bytes} of the stream's window back once enough has gathered; lock held. */
    void returnStreamCredit(Http2Stream stream, int bytes) {
        if (stream.remoteClosed || stream.reset != null) {
            return;
        }
        stream.unreturnedCredit += bytes;
        if (stream.unreturnedCredit >= Math.max(1, config.settings().initialWindowBytes() / 4)) {
            writer.control(FrameEncoder.windowUpdate(stream.id, stream.unreturnedCredit));
            stream.receiveWindow += stream.unreturnedCredit;
            stream.unreturnedCredit = 0;
        }
    }

    // ---------------------------------------------------------------- writer events (lock held)

    /** The client's SETTINGS_HEADER_TABLE_SIZE: bounds our encoder's table; lock held. */
    void peerHeaderTableSize(long value) {
        io.peerHeaderTableSize((int) Math.min(value, Integer.MAX_VALUE));
    }

    /** The SETTINGS acknowledgement arrived; lock held. */
    void settingsAcknowledged() {
        settingsAckDeadline = Long.MAX_VALUE;
    }

    @Override
    public long nextDeadline() {
        long next = Math.min(settingsAckDeadline, stopDeadline);
        if (runningHandlers == 0 && !goAwaySent) {
            next = Math.min(next, idleDeadline);
        }
        return next;
    }

    @Override
    public void deadlinePassed(long nowNanos) {
        if (nowNanos - settingsAckDeadline >= 0) {
            settingsAckDeadline = Long.MAX_VALUE;
            counters.settingsTimeouts.increment();
            counters.connectionErrors.increment();
            log.debug("{} SETTINGS not acknowledged within {}", name, config.settingsAckTimeout());
            goAway(ErrorCode.SETTINGS_TIMEOUT);
            writer.closeAfterFlush();
        } else if (nowNanos - stopDeadline >= 0) {
            stopDeadline = Long.MAX_VALUE;
            log.debug("{} shutdown grace over with {} streams open", name, activeStreams);
            writer.closeAfterFlush();
        } else if (runningHandlers == 0 && nowNanos - idleDeadline >= 0) {
            idleDeadline = Long.MAX_VALUE;
            counters.idleTimeouts.increment();
            log.debug("{} idle for {}: closing", name, config.idleTimeout());
            goAway(ErrorCode.NO_ERROR);
            writer.closeAfterFlush();
        }
    }

    @Override
    public void written(Http2Stream stream) {
        stream.changed.signalAll();
    }

    @Override
    public void dropped(Http2Stream stream, int payloadBytes) {
        connectionSendWindow += payloadBytes;
        signalAllStreams();
    }

    /** Wakes every stream (the connection window grew); lock held. */
    void signalAllStreams() {
        for (Http2Stream stream : streams.values()) {
            stream.changed.signalAll();
        }
    }

    /** Streams whose handler has not returned or that are not closed yet; for tests and metrics. */
    int activeStreams() {
        lock.lock();
        try {
            return activeStreams;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code stream} was reset (its handler's failure is then the client's doing). */
    boolean isReset(Http2Stream stream) {
        lock.lock();
        try {
            return stream.reset != null || closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
