package dev.weft.core.internal.tls;

import dev.weft.core.internal.Transport;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsInfo;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS record layer as a blocking {@link Transport}: an {@link SSLEngine} driven by plain
 * blocking reads and writes of the transport beneath, on the connection's own virtual thread.
 *
 * <p><b>Threads and the write lock.</b> One thread reads ({@link #handshake}, {@link #read},
 * {@link #releaseBuffers}): the connection's. Writers ({@link #write}, {@link #transferFrom},
 * {@link #shutdownOutput}) must hold the connection's write lock, the same {@link ReentrantLock}
 * given to the constructor; {@code write} checks it. The reader sometimes has to write — the
 * handshake, a TLS 1.3 KeyUpdate reply, the reply to a peer's close_notify — and then takes that
 * same lock itself, for the write only. {@link #close()} takes no lock and never blocks: any thread
 * may call it, and it wakes a blocked reader or writer by closing the transport beneath.
 *
 * <p><b>Deadlines.</b> This class times nothing. The caller publishes a deadline around each call
 * and closes the connection when it passes; the handshake's deadline is also passed to
 * {@link #handshake(long)}, only to count a handshake cut off by it as
 * {@link HandshakeFailure#TIMEOUT}.
 *
 * <p><b>Buffers.</b> Encrypted input is read into a buffer of
 * {@value InboundRecords#IDLE_READ_BYTES} bytes that grows to the session's packet size only
 * when a record needs it; decrypted input goes straight into the caller's array when it has room
 * for the record, else through a second buffer ({@link InboundRecords}). Output is encrypted into
 * a packet-sized buffer, which the JDK's engine requires for every record. {@link #releaseBuffers()}, called when the connection goes idle, drops all three
 * when they hold nothing, so an idle TLS connection keeps only the engine's session state.
 *
 * <p><b>Closing.</b> {@link #shutdownOutput()} sends close_notify then half-closes the socket;
 * the engine's owner calls it when a handler ends normally. A close_notify received makes
 * {@link #read} return -1 (and is answered, as TLS 1.2 requires); so does an end of stream without
 * one (a truncation a protocol with its own framing detects, logged at DEBUG). {@link #close()}
 * sends nothing: it may run on any thread, where a blocking write is not allowed.
 *
 * <p><b>Not supported.</b> Zero-copy file transfer (the bytes must pass through the cipher:
 * {@link #transferFrom} copies through a buffer) and TLS 1.2 renegotiation (refused by closing
 * the connection, as nginx and Go refuse client-initiated renegotiation: it costs the server a
 * handshake per request on demand).
 */
public final class TlsTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(TlsTransport.class);

    /** The plaintext copied per record by {@link #transferFrom}: the largest TLS record. */
    static final int TRANSFER_CHUNK_BYTES = 16_384;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int PLAINTEXT_DRAIN_BYTES = 16_384;

    private final Transport network;
    private final SSLEngine engine;
    private final ReentrantLock writeLock;
    private final HandshakeCounters counters;
    private final String connectionName;

    // The reader's state (the connection thread only).
    private final InboundRecords inbound;
    private boolean inboundDone;

    // The writers' state (under writeLock).
    private ByteBuffer netOut;

    private volatile boolean closed;
    private volatile TlsInfo info;

    /**
     * Layers TLS over {@code network}.
     *
     * @param network        the plain transport beneath, exclusively this layer's from now on
     * @param engine         a new engine, client or server mode set, not yet handshaking
     * @param writeLock      the connection's write lock: held by every writer, taken by the reader
     *                       for the writes it must make
     * @param counters       where the handshake's outcome is counted
     * @param connectionName how log lines name the connection
     */
    public TlsTransport(Transport network, SSLEngine engine, ReentrantLock writeLock, HandshakeCounters counters,
                        String connectionName) {
        this.network = Objects.requireNonNull(network, "network");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.writeLock = Objects.requireNonNull(writeLock, "writeLock");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.connectionName = Objects.requireNonNull(connectionName, "connectionName");
        this.inbound = new InboundRecords(network, engine);
    }

    // ---- handshake (the connection thread, before the handler) ----

    /**
     * Runs the handshake to its end and counts it: completed, or failed by reason. On failure the
     * alert the engine produced is sent when possible, the transport is closed, and the thrown
     * exception carries the reason.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which the caller will have closed the
     *                      connection if the handshake has not finished; a failure after it is
     *                      counted as {@link HandshakeFailure#TIMEOUT}
     * @return what the handshake agreed
     * @throws TlsHandshakeException if the handshake failed, for {@link TlsHandshakeException#reason()}
     */
    public TlsInfo handshake(long deadlineNanos) throws TlsHandshakeException {
        try {
            engine.beginHandshake();
            if (!engine.getUseClientMode()) {
                checkFirstBytes();
            }
            HandshakeStatus status;
            while ((status = engine.getHandshakeStatus()) != HandshakeStatus.NOT_HANDSHAKING) {
                switch (status) {
                    case NEED_WRAP -> {
                        if (!sendHandshakeOutput()) {
                            throw new SSLException("the TLS engine makes no progress wrapping its handshake");
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapHandshake();
                    case NEED_TASK -> runDelegatedTasks();
                    case FINISHED, NOT_HANDSHAKING -> {
                        // getHandshakeStatus() reports neither while a handshake is in progress
                    }
                }
            }
        } catch (TlsHandshakeException e) {
            throw e;
        } catch (SSLException e) {
            OptionalInt alert = sendAlertQuietly();
            throw fail(HandshakeFailureClassifier.classify(e, alert), e.getMessage(), e);
        } catch (IOException e) {
            throw fail(classifyIoFailure(e, deadlineNanos), e.toString(), e);
        } catch (RuntimeException e) {
            log.warn("{} TLS handshake failed unexpectedly", connectionName, e);
            throw fail(HandshakeFailure.OTHER, e.toString(), e);
        }
        TlsInfo agreed = SessionInfo.of(engine);
        info = agreed;
        counters.countCompleted();
        releaseBuffers();
        log.debug("{} TLS handshake done: {} {} alpn={} sni={}", connectionName, agreed.protocol(),
                agreed.cipherSuite(), agreed.applicationProtocol().orElse("-"), agreed.serverName().orElse("-"));
        return agreed;
    }

    /** What the handshake agreed, once it has finished. */
    public TlsInfo info() {
        TlsInfo agreed = info;
        if (agreed == null) {
            throw new IllegalStateException("the TLS handshake has not finished");
        }
        return agreed;
    }

    /** Refuses what is not TLS before the engine sees it; see {@link FirstBytes}. */
    private void checkFirstBytes() throws IOException {
        if (!inbound.fill()) {
            throw fail(HandshakeFailure.PEER_CLOSED, "closed before sending anything", null);
        }
        while (FirstBytes.of(inbound.encrypted()) == FirstBytes.GARBAGE && FirstBytes.couldBeHttp(inbound.encrypted())
                && inbound.fill()) {
            // a plaintext request line arriving in pieces: read up to the method's space
        }
        ByteBuffer first = inbound.encrypted();
        switch (FirstBytes.of(first)) {
            case TLS -> {
                // the engine takes over
            }
            case SSL2_HELLO -> throw fail(HandshakeFailure.PROTOCOL_VERSION, "an SSL 2 style ClientHello", null);
            case PLAINTEXT_HTTP -> {
                answerPlaintextHttp();
                throw fail(HandshakeFailure.NOT_TLS, "a plaintext HTTP request; answered 400", null);
            }
            case GARBAGE -> throw fail(HandshakeFailure.NOT_TLS, String.format("first byte 0x%02x is not a TLS record",
                    first.get(first.position())), null);
        }
    }

    /**
     * Answers a plaintext HTTP request with a plain 400, half-closes, and reads what the client
     * still sends (a little, until it closes) so that the close does not reset the connection
     * before the client has read the answer.
     */
    private void answerPlaintextHttp() {
        writeLock.lock();
        try {
            network.write(FirstBytes.HTTP_REPLY, 0, FirstBytes.HTTP_REPLY.length);
            network.shutdownOutput();
        } catch (IOException e) {
            log.debug("{} plaintext 400 not sent: {}", connectionName, e.toString());
            return; // the client is gone; it is counted as NOT_TLS all the same
        } finally {
            writeLock.unlock();
        }
        byte[] discard = new byte[1_024];
        int drained = 0;
        try {
            int n;
            while (drained < PLAINTEXT_DRAIN_BYTES && (n = network.read(discard, 0, discard.length)) > 0) {
                drained += n;
            }
        } catch (IOException e) {
            log.debug("{} plaintext client went away after the 400: {}", connectionName, e.toString());
        }
    }

    private void unwrapHandshake() throws IOException {
        SSLEngineResult result = inbound.unwrapToPlaintext(0);
        if (result != null && result.getStatus() == Status.BUFFER_OVERFLOW) {
            result = inbound.unwrapToPlaintext(InboundRecords.applicationBufferSize(engine));
        }
        if (result == null) {
            throw fail(HandshakeFailure.PEER_CLOSED, "end of stream during the handshake", null);
        }
        switch (result.getStatus()) {
            case BUFFER_OVERFLOW -> throw new SSLProtocolException("a handshake record larger than the session allows");
            case CLOSED -> throw fail(HandshakeFailure.PEER_CLOSED, "closed (close_notify) during the handshake", null);
            case OK, BUFFER_UNDERFLOW -> {
                // progress: the loop asks the engine what it needs next
            }
        }
    }

    private TlsHandshakeException fail(HandshakeFailure reason, String detail, Throwable cause) {
        counters.countFailed(reason);
        log.debug("{} TLS handshake failed, {}: {}", connectionName, reason, detail);
        close();
        return new TlsHandshakeException(reason, detail, cause);
    }

    private HandshakeFailure classifyIoFailure(IOException e, long deadlineNanos) {
        if (System.nanoTime() - deadlineNanos >= 0) {
            return HandshakeFailure.TIMEOUT;
        }
        if (closed || e instanceof ClosedChannelException) {
            return HandshakeFailure.OTHER; // closed by this side before the deadline: the server is stopping
        }
        return HandshakeFailure.PEER_CLOSED;
    }

    /** Sends the alert a failed engine holds; returns its description when it went out in plaintext. */
    private OptionalInt sendAlertQuietly() {
        writeLock.lock();
        try {
            ByteBuffer out = netOut();
            out.clear();
            engine.wrap(EMPTY, out);
            out.flip();
            OptionalInt alert = HandshakeFailureClassifier.plaintextAlert(out);
            if (out.hasRemaining()) {
                network.write(out.array(), out.arrayOffset() + out.position(), out.remaining());
            }
            return alert;
        } catch (IOException | RuntimeException e) {
            log.debug("{} TLS alert not sent: {}", connectionName, e.toString());
            return OptionalInt.empty(); // the peer may be gone; the handshake has failed either way
        } finally {
            writeLock.unlock();
        }
    }

    // ---- reading (the connection thread) ----

    /** {@inheritDoc} Blocks for a whole TLS record; post-handshake messages are handled on the way. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (true) {
            int buffered = inbound.takePlaintext(b, off, len);
            if (buffered > 0) {
                return buffered;
            }
            if (inboundDone) {
                return -1;
            }
            SSLEngineResult result = inbound.unwrap(ByteBuffer.wrap(b, off, len));
            if (result == null) {
                inboundDone = true;
                log.debug("{} TLS peer closed the connection without close_notify", connectionName);
                return -1;
            }
            if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                unwrapIntoPlaintext();
                continue;
            }
            afterUnwrap(result);
            if (result.getStatus() == Status.CLOSED) {
                inboundDone = true;
                return -1;
            }
            if (result.bytesProduced() > 0) {
                return result.bytesProduced();
            }
        }
    }

    /**
     * How many decrypted bytes a {@link #read} returns without blocking: those left over from a
     * record larger than an earlier read's array. The reading thread only.
     */
    public int available() {
        return inbound.plaintextBuffered();
    }

    /**
     * Unwraps a record too big for the caller's array into the plaintext buffer (the engine checks
     * the room for a record before it checks that the record is complete, so this may still read).
     */
    private void unwrapIntoPlaintext() throws IOException {
        SSLEngineResult result = inbound.unwrapToPlaintext(InboundRecords.applicationBufferSize(engine));
        if (result == null) {
            inboundDone = true;
            log.debug("{} TLS peer closed the connection without close_notify", connectionName);
            return;
        }
        if (result.getStatus() == Status.BUFFER_OVERFLOW) {
            throw new SSLProtocolException("a TLS record larger than the session allows ("
                    + inbound.plaintextCapacity() + " bytes)");
        }
        afterUnwrap(result);
        if (result.getStatus() == Status.CLOSED) {
            inboundDone = true;
        }
    }

    /** Does what the engine needs after a record was read once the handshake is over. */
    private void afterUnwrap(SSLEngineResult result) throws IOException {
        HandshakeStatus status = result.getHandshakeStatus();
        if (status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED) {
            return;
        }
        if (result.getStatus() != Status.CLOSED && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLProtocolException("TLS renegotiation refused");
        }
        while ((status = engine.getHandshakeStatus()) == HandshakeStatus.NEED_TASK
                || status == HandshakeStatus.NEED_WRAP) {
            if (status == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            } else if (!sendHandshakeOutput()) {
                break;
            }
        }
    }

    // ---- writing (under the write lock) ----

    /** {@inheritDoc} The caller must hold the connection's write lock. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        requireWriteLock();
        ByteBuffer src = ByteBuffer.wrap(b, off, len);
        while (src.hasRemaining()) {
            SSLEngineResult result = wrapAndSend(src);
            if (result.getStatus() == Status.CLOSED) {
                throw new SocketException("TLS output is closed");
            }
            if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                throw new SSLException("the TLS engine makes no progress: " + result.getHandshakeStatus());
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Under TLS this is a buffered copy, {@value #TRANSFER_CHUNK_BYTES} bytes per record:
     * the file's bytes must be encrypted, so they cannot go from the page cache to the socket
     * untouched. The caller must hold the connection's write lock.
     */
    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        requireWriteLock();
        byte[] chunk = new byte[(int) Math.min(TRANSFER_CHUNK_BYTES, Math.max(count, 1))];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long sent = 0;
        while (sent < count) {
            buffer.clear().limit((int) Math.min(chunk.length, count - sent));
            int n = file.read(buffer, position + sent);
            if (n < 0) {
                break;
            }
            write(chunk, 0, n);
            sent += n;
        }
        return sent;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sends close_notify, then half-closes the socket. The caller must hold the write lock.
     */
    @Override
    public void shutdownOutput() throws IOException {
        requireWriteLock();
        if (!engine.isOutboundDone()) {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                SSLEngineResult result = wrapAndSend(EMPTY);
                if (result.bytesProduced() == 0) {
                    break;
                }
            }
        }
        network.shutdownOutput();
    }

    /** Sends what the engine has to send (handshake, alert); false when it produced nothing. */
    private boolean sendHandshakeOutput() throws IOException {
        writeLock.lock();
        try {
            return wrapAndSend(EMPTY).bytesProduced() > 0 || engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
        } finally {
            writeLock.unlock();
        }
    }

    /** Wraps from {@code src} into {@code netOut} and writes what was produced. Under the write lock. */
    private SSLEngineResult wrapAndSend(ByteBuffer src) throws IOException {
        while (true) {
            ByteBuffer out = netOut();
            out.clear();
            SSLEngineResult result = engine.wrap(src, out);
            if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(Math.max(InboundRecords.packetBufferSize(engine), out.capacity() * 2));
                continue;
            }
            if (result.bytesProduced() > 0) {
                network.write(out.array(), out.arrayOffset(), result.bytesProduced());
            }
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            }
            return result;
        }
    }

    private ByteBuffer netOut() {
        if (netOut == null) {
            netOut = ByteBuffer.allocate(InboundRecords.packetBufferSize(engine));
        }
        return netOut;
    }

    private void requireWriteLock() {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("writes to a TLS transport must hold the connection's write lock");
        }
    }

    // ---- buffers, tasks, lifecycle ----

    /**
     * Drops the buffers that hold nothing, so that an idle connection costs only the engine's
     * session state. Call on the connection thread when it goes idle (not while it reads); the
     * output buffer is dropped only when no writer holds the lock at that moment.
     */
    public void releaseBuffers() {
        inbound.release();
        if (writeLock.tryLock()) {
            try {
                netOut = null;
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Runs the engine's delegated tasks (certificate checks, key agreement) here, on this virtual thread. */
    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Closes the transport beneath without a close_notify (see the class comment); a blocked
     * read or write fails at once.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            network.close();
        } catch (IOException e) {
            log.debug("{} close failed: {}", connectionName, e.toString());
        }
    }

    @Override
    public String toString() {
        return connectionName + "[tls]";
    }
}
