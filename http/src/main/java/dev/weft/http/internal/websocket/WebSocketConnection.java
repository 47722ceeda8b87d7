package dev.weft.http.internal.websocket;

import dev.weft.core.Client;
import dev.weft.http.Request;
import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.KeepAlive;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.MessageType;
import dev.weft.http.websocket.StreamedMessage;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.http.websocket.WebSocketLimits;
import dev.weft.http.websocket.WebSocketSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of one WebSocket session, on an {@link UpgradedConnection}: reading on the
 * receiving thread, writing through the {@link Outbox}'s writer thread, deadlines from the
 * server's {@link SessionTimer}, and the closing handshake between them.
 *
 * <p>Closing (RFC 6455 sections 5.5.1, 7): the first close frame decides the session's
 * {@linkplain #closeStatus() status}. When the peer closes first, its close is echoed (same
 * code) after the data already queued, and the connection closes once the echo is written.
 * When this side closes, it keeps reading — answering pings, dropping late messages — until
 * the peer's close frame, then closes the connection. After a protocol failure, the input is
 * not parsed any more: the close frame follows what was already queued, then the output is
 * shut down and the input read and dropped until the peer closes, so the peer gets the close
 * code rather than a reset. A peer too slow to read, or silent after a ping, gets its close
 * frame at once, ahead of the data queued for it. Whatever happens, the connection is cut {@link WebSocketLimits#closeTimeout()} after
 * this side's close frame was queued.
 */
public final class WebSocketConnection implements WebSocketSession {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

    /** How this side closes. */
    private enum CloseKind {
        /** After the queued data; the input is still read for the peer's close. */
        GRACEFUL,
        /** At once, dropping the queued data. */
        URGENT,
        /**
         * After the queued data (messages the endpoint answered before the failure still
         * reach the peer), and the input is no longer parsed (a protocol failure).
         */
        PROTOCOL_FAILURE
    }

    private final String name;
    private final UpgradedConnection connection;
    private final Request request;
    private final Optional<String> subprotocol;
    private final WebSocketLimits limits;
    private final Optional<KeepAlive> keepAlive;
    private final SessionCounters counters;
    private final SessionMembership membership;
    private final SessionTimer.Slot timerSlot;
    private final Outbox outbox;

    private final ReentrantLock receiveLock = new ReentrantLock();
    private final FrameInput input;
    private final MessageReader reader;
    private final MessageInflater inflater;
    private InboundMessageStream currentStream;
    private boolean inputDone;

    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition stateChanged = stateLock.newCondition();
    private CloseStatus sent;
    private boolean sentWritten;
    private CloseStatus received;
    private boolean inputBroken;
    private boolean transportClosed;
    private long closeDeadlineNanos;
    private volatile CloseStatus endStatus;

    /** Timer thread only. */
    private long pingSentNanos;

    /**
     * @param name        the session's name in log lines (the connection's)
     * @param connection  the upgraded connection
     * @param alreadyRead bytes the HTTP layer read past the handshake (the first frames); not copied
     * @param request     the handshake request
     * @param accepted    what the handshake negotiated
     * @param config      the route's configuration
     * @param timer       the server's timer
     * @param counters    the server's counters
     * @param membership  the session's place in the registry, taken on demand
     */
    WebSocketConnection(String name, UpgradedConnection connection, byte[] alreadyRead, Request request,
                        HandshakeOutcome.Accepted accepted, WebSocketConfig config, SessionTimer timer,
                        SessionCounters counters, SessionMembership membership) {
        this.name = name;
        this.connection = connection;
        this.request = request;
        this.subprotocol = accepted.subprotocol();
        this.limits = config.limits();
        this.keepAlive = config.keepAlive();
        this.counters = counters;
        this.membership = membership;
        this.timerSlot = timer.slot(this::onTimer);
        MessageDeflater deflater = accepted.deflate().map(MessageDeflater::new).orElse(null);
        this.inflater = accepted.deflate().map(MessageInflater::new).orElse(null);
        this.outbox = new Outbox(limits.outboundQueueBytes(), new FrameWriter(connection, deflater), deflater,
                new WriterEvents(), this::startWriter);
        this.input = new FrameInput(connection::read, alreadyRead);
        this.reader = new MessageReader(new FrameReader(input, limits.maxFrameBytes(), inflater != null),
                limits.maxMessageBytes(), inflater, new Controls());
    }

    private void startWriter() {
        Thread.ofVirtual().name(name + "-writer").start(outbox::drain);
    }

    /**
     * Runs {@code endpoint} on this thread, then closes the session and the connection;
     * returns once the connection is closed and the session's resources released.
     */
    void run(WebSocketEndpoint endpoint) {
        counters.opened.increment();
        timerSlot.wakeAt(System.nanoTime() + checkPeriodNanos());
        try {
            endpoint.serve(this);
        } catch (Exception e) {
            counters.endpointFailures.increment();
            log.error("{} endpoint failed", this, e);
            closeWith(CloseStatus.INTERNAL_ERROR_1011, CloseKind.GRACEFUL);
        } finally {
            finish();
        }
    }

    // ---- receiving ----------------------------------------------------------------------

    @Override
    public Message receive() {
        return receiveNext(type -> {
            byte[] payload = reader.readWhole();
            return type == MessageType.TEXT
                    ? new Message.Text(new String(payload, StandardCharsets.UTF_8))
                    : new Message.Binary(payload);
        });
    }

    @Override
    public StreamedMessage receiveStream() {
        return receiveNext(type -> {
            currentStream = new InboundMessageStream(this::readStream);
            return new StreamedMessage(type, currentStream);
        });
    }

    /** Makes what {@code receive} or {@code receiveStream} returns of a message that started. */
    private interface Arrival<T> {
        T of(MessageType type) throws IOException;
    }

    /**
     * Waits for the next message and makes {@code arrival} of it; after this side's close frame,
     * late messages are dropped. Null once the session has ended, for any reason.
     */
    private <T> T receiveNext(Arrival<T> arrival) {
        lockReceiving();
        try {
            MessageType type;
            while ((type = nextMessage()) != null) {
                T result = arrival.of(type);
                if (!closeSent()) {
                    return result;
                }
            }
            return null;
        } catch (IOException e) {
            readFailed(e);
            return null;
        } finally {
            receiveLock.unlock();
        }
    }

    private int readStream(InboundMessageStream stream, byte[] b, int off, int len) throws IOException {
        lockReceiving();
        try {
            if (stream != currentStream) {
                return -1;
            }
            if (inputDone) {
                throw new PeerClosedException("the session ended in the middle of the message");
            }
            int n = reader.read(b, off, len);
            if (n < 0) {
                currentStream = null;
            }
            return n;
        } catch (IOException e) {
            readFailed(e);
            throw e;
        } finally {
            receiveLock.unlock();
        }
    }

    private void lockReceiving() {
        if (!receiveLock.tryLock()) {
            throw new IllegalStateException("another thread is receiving from " + this);
        }
    }

    /** The next message's type; null when there will be none. Under the receive lock. */
    private MessageType nextMessage() throws IOException {
        if (currentStream != null) {
            currentStream.end();
            currentStream = null;
        }
        if (inputDone) {
            return null;
        }
        input.release();
        MessageType type = reader.next();
        if (type == null) {
            inputDone = true;
        }
        return type;
    }

    private void readFailed(IOException e) {
        inputDone = true;
        if (e instanceof ProtocolFailure failure) {
            stateLock.lock();
            try {
                inputBroken = true;
            } finally {
                stateLock.unlock();
            }
            if (closeWith(failure.status(), CloseKind.PROTOCOL_FAILURE)) {
                counters.protocolFailures.increment();
                log.debug("{} failed by the peer: {}", this, failure.getMessage());
            }
        } else if (!(e instanceof PeerClosedException)) {
            if (!transportClosed()) {
                log.debug("{} connection ended: {}", this, e.toString());
            }
            endTransport("connection ended: " + e);
        }
    }

    /** The reader's callbacks, on the receiving thread. */
    private final class Controls implements MessageReader.ControlFrames {
        @Override
        public void ping(byte[] payload) {
            outbox.pong(payload);
        }

        @Override
        public void pong(byte[] payload) {
            // Any frame proves the peer alive: the input publishes when bytes last arrived.
        }

        @Override
        public void close(CloseStatus status) {
            peerClosed(status);
        }
    }

    private void peerClosed(CloseStatus status) {
        CloseStatus echo = status.code() == CloseStatus.NO_STATUS_1005.code()
                ? CloseStatus.NO_STATUS_1005 : new CloseStatus(status.code(), "");
        boolean echoNow;
        boolean closeNow;
        long deadline = 0;
        stateLock.lock();
        try {
            received = status;
            if (endStatus == null) {
                endStatus = status;
            }
            echoNow = sent == null && !transportClosed;
            if (echoNow) {
                sent = echo;
                closeDeadlineNanos = deadline = System.nanoTime() + limits.closeTimeout().toNanos();
            }
            closeNow = sentWritten;
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        log.debug("{} closed by the peer: {}", this, status);
        if (echoNow) {
            outbox.close(echo, false);
            timerSlot.wakeAt(deadline);
        }
        if (closeNow) {
            endTransport("closed");
        }
    }

    // ---- sending ------------------------------------------------------------------------

    @Override
    public boolean send(Message message) {
        return switch (message) {
            case Message.Text text -> offer(Opcode.TEXT, text.utf8());
            case Message.Binary binary -> offer(Opcode.BINARY, binary.data());
        };
    }

    /**
     * Queues a text message given as UTF-8 bytes (a registry client's {@code send}).
     *
     * @param utf8 the text, encoded
     * @return whether it was queued; see {@link #send}
     * @throws IllegalArgumentException if the bytes are not valid UTF-8
     */
    public boolean sendUtf8(byte[] utf8) {
        if (!Utf8Validator.isValid(utf8, 0, utf8.length)) {
            throw new IllegalArgumentException("a text message must be valid UTF-8");
        }
        return offer(Opcode.TEXT, utf8);
    }

    private boolean offer(Opcode opcode, byte[] payload) {
        return switch (outbox.offer(opcode, payload)) {
            case QUEUED -> true;
            case CLOSED -> false;
            case OVERFLOW -> {
                if (closeCounted(CloseStatus.POLICY_VIOLATION_1008, "outbound queue over "
                        + limits.outboundQueueBytes() + " bytes: the peer does not keep up", CloseKind.URGENT,
                        counters.slowPeers)) {
                    membership.countSlowPeer();
                }
                yield false;
            }
        };
    }

    @Override
    public OutputStream sendStream(MessageType type) throws IOException {
        Outbox.Stream stream = outbox.openStream(type == MessageType.TEXT ? Opcode.TEXT : Opcode.BINARY);
        if (stream == null) {
            throw new PeerClosedException(this + " is closed");
        }
        return new OutboundMessageStream(new OutboundMessageStream.Session() {
            @Override
            public void offer(Outbox.Stream s, byte[] chunk, boolean last) throws IOException {
                outbox.offer(s, chunk, last);
            }

            @Override
            public void invalidText(String reason) {
                log.error("{} {}", WebSocketConnection.this, reason);
                closeWith(CloseStatus.INTERNAL_ERROR_1011, CloseKind.URGENT);
            }
        }, stream, type == MessageType.TEXT);
    }

    /** The writer thread's reports. */
    private final class WriterEvents implements Outbox.Events {
        @Override
        public void closeWritten(CloseStatus status) {
            boolean closeNow;
            boolean shutdown;
            stateLock.lock();
            try {
                sentWritten = true;
                closeNow = received != null;
                shutdown = !closeNow && inputBroken;
                stateChanged.signalAll();
            } finally {
                stateLock.unlock();
            }
            if (closeNow) {
                endTransport("closed");
            } else if (shutdown) {
                try {
                    connection.shutdownOutput();
                } catch (IOException e) {
                    log.debug("{} shutdown after the close frame failed: {}", WebSocketConnection.this, e.toString());
                }
            }
        }

        @Override
        public void writeFailed(IOException e) {
            if (!transportClosed()) {
                log.debug("{} write failed: {}", WebSocketConnection.this, e.toString());
            }
            endTransport("write failed: " + e);
        }

        @Override
        public void writerFailed(RuntimeException e) {
            log.error("{} writer failed", WebSocketConnection.this, e);
            endTransport("writer failed: " + e);
        }
    }

    // ---- closing ------------------------------------------------------------------------

    @Override
    public void close(int code, String reason) {
        if (!CloseStatus.isSendable(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        closeWith(new CloseStatus(code, reason), CloseKind.GRACEFUL);
    }

    /** Queues this side's close frame; false if one was queued already or the connection is gone. */
    private boolean closeWith(CloseStatus status, CloseKind kind) {
        long deadline;
        stateLock.lock();
        try {
            if (sent != null || transportClosed) {
                return false;
            }
            sent = status;
            if (kind == CloseKind.PROTOCOL_FAILURE) {
                inputBroken = true;
            }
            if (endStatus == null) {
                endStatus = status;
            }
            closeDeadlineNanos = deadline = System.nanoTime() + limits.closeTimeout().toNanos();
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        outbox.close(status, kind == CloseKind.URGENT);
        timerSlot.wakeAt(deadline);
        return true;
    }

    /**
     * Closes with {@code kind}'s code and {@code reason}; counts and logs it if this was the
     * session's close, and says so.
     */
    private boolean closeCounted(CloseStatus kind, String reason, CloseKind how, LongAdder counter) {
        if (closeWith(kind.withReason(reason), how)) {
            counter.increment();
            log.debug("{} closed: {}", this, reason);
            return true;
        }
        return false;
    }

    /** Closes with {@code 1001}, after the queued data: the server is stopping. */
    void goAway() {
        closeWith(WebSocketSessions.SERVER_STOPPING, CloseKind.GRACEFUL);
    }

    /** Closes the connection (idempotent); {@code why} becomes the 1006 status if none was set. */
    private void endTransport(String why) {
        stateLock.lock();
        try {
            if (transportClosed) {
                return;
            }
            transportClosed = true;
            if (endStatus == null) {
                endStatus = CloseStatus.ABNORMAL_1006.withReason(why);
            }
            stateChanged.signalAll();
        } finally {
            stateLock.unlock();
        }
        outbox.abort();
        connection.close();
    }

    /** After the endpoint: close, let the handshake complete (bounded), release everything. */
    private void finish() {
        membership.end();
        closeWith(CloseStatus.NORMAL_1000, CloseKind.GRACEFUL);
        long deadline = closeDeadline();
        if (tryLockReceiving(deadline)) {
            try {
                drainInput();
            } finally {
                receiveLock.unlock();
            }
        }
        awaitCloseWritten(deadline);
        endTransport("closed");
        timerSlot.cancel();
        if (inflater != null && tryLockReceiving(deadline)) {
            try {
                inflater.release();
            } finally {
                receiveLock.unlock();
            }
        }
        outbox.release();
        counters.ended.increment();
        log.debug("{} ended: {}", this, endStatus);
    }

    /** Reads until the peer's close frame; after a protocol failure, drops bytes until it closes. */
    private void drainInput() {
        if (!inputDone) {
            try {
                while (nextMessage() != null) {
                    // each message is skipped (and still checked) by the next call
                }
            } catch (IOException e) {
                readFailed(e);
            }
        }
        if (brokenAndOpen()) {
            try {
                while (input.skip(Long.MAX_VALUE) >= 0) {
                    // dropped: the peer's answer to a protocol failure is not parsed
                }
            } catch (IOException e) {
                log.debug("{} input ended after a protocol failure: {}", this, e.toString());
            }
        }
    }

    private boolean tryLockReceiving(long deadline) {
        try {
            return receiveLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitCloseWritten(long deadline) {
        stateLock.lock();
        try {
            while (!transportClosed && !sentWritten) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                stateChanged.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stateLock.unlock();
        }
    }

    private long closeDeadline() {
        stateLock.lock();
        try {
            return sent != null ? closeDeadlineNanos : System.nanoTime();
        } finally {
            stateLock.unlock();
        }
    }

    private boolean closeSent() {
        return underStateLock(() -> sent != null);
    }

    private boolean transportClosed() {
        return underStateLock(() -> transportClosed);
    }

    private boolean brokenAndOpen() {
        return underStateLock(() -> inputBroken && !transportClosed);
    }

    private boolean underStateLock(BooleanSupplier condition) {
        stateLock.lock();
        try {
            return condition.getAsBoolean();
        } finally {
            stateLock.unlock();
        }
    }

    // ---- deadlines ----------------------------------------------------------------------

    /** On the timer thread: close deadline, idle timeout, keep-alive ping and pong deadline. */
    private long onTimer(long now) {
        long closeDeadline;
        stateLock.lock();
        try {
            if (transportClosed) {
                return SessionTimer.NEVER;
            }
            closeDeadline = sent != null ? closeDeadlineNanos : 0;
        } finally {
            stateLock.unlock();
        }
        if (closeDeadline != 0) {
            if (now - closeDeadline < 0) {
                return closeDeadline;
            }
            counters.closeTimeouts.increment();
            log.debug("{} cut: the closing handshake did not complete within {}", this, limits.closeTimeout());
            endTransport("closing handshake not completed within " + limits.closeTimeout());
            return SessionTimer.NEVER;
        }
        long waitingSince = input.waitingSinceNanos();
        if (waitingSince == 0) {
            return now + checkPeriodNanos();
        }
        long lastReceived = input.lastReceivedNanos();
        long quietSince = later(lastReceived, waitingSince);
        long idleAt = quietSince + limits.idleTimeout().toNanos();
        if (now - idleAt >= 0) {
            closeCounted(CloseStatus.GOING_AWAY_1001, "idle for " + limits.idleTimeout(), CloseKind.GRACEFUL,
                    counters.idleTimeouts);
            return SessionTimer.NEVER;
        }
        return keepAlive.map(k -> keepAlive(k, now, waitingSince, lastReceived, quietSince, idleAt)).orElse(idleAt);
    }

    private long keepAlive(KeepAlive k, long now, long waitingSince, long lastReceived, long quietSince, long next) {
        if (pingSentNanos != 0 && lastReceived - pingSentNanos < 0) {
            long pongDue = later(pingSentNanos, waitingSince) + k.pongDeadline().toNanos();
            if (now - pongDue >= 0) {
                closeCounted(CloseStatus.GOING_AWAY_1001, "no pong within " + k.pongDeadline(), CloseKind.URGENT,
                        counters.pongTimeouts);
                return SessionTimer.NEVER;
            }
            return earlier(earlier(next, pongDue), now + k.pingInterval().toNanos());
        }
        pingSentNanos = 0;
        long pingAt = quietSince + k.pingInterval().toNanos();
        if (now - pingAt >= 0) {
            outbox.ping();
            pingSentNanos = now;
            // Look again one interval on (no wake-up per frame): by then the pong has usually
            // come, and the next ping is due one interval after it, not at the pong deadline.
            return earlier(earlier(next, now + k.pongDeadline().toNanos()), now + k.pingInterval().toNanos());
        }
        return earlier(next, pingAt);
    }

    /** How often a session whose endpoint is not receiving is looked at again. */
    private long checkPeriodNanos() {
        long period = limits.idleTimeout().toNanos();
        if (keepAlive.isPresent()) {
            period = Math.min(period, keepAlive.get().pingInterval().toNanos());
        }
        return period;
    }

    private static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }

    private static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }

    // ---- information --------------------------------------------------------------------

    @Override
    public Client client() {
        return membership.client(this);
    }

    @Override
    public boolean isOpen() {
        return underStateLock(() -> sent == null && received == null && !transportClosed);
    }

    @Override
    public Optional<CloseStatus> closeStatus() {
        return Optional.ofNullable(endStatus);
    }

    @Override
    public Optional<String> subprotocol() {
        return subprotocol;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public String toString() {
        return name;
    }
}
