package dev.weft.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Connection} with no socket, for testing protocol code in memory: reads hand out the
 * scripted input at most {@code bytesPerRead} bytes at a time — the way TCP may split it — then
 * the end of the stream (or, if asked, a read timeout); writes are captured. It records the read
 * timeouts and idle marks the protocol sets, so a test can assert them. Shared with the other
 * modules' tests through core's test jar.
 */
public final class ScriptedConnection implements Connection {

    private final byte[] input;
    private final int bytesPerRead;
    private final boolean timeOutAtEnd;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<Duration> readTimeouts = new ArrayList<>();
    private final List<Boolean> idleMarks = new ArrayList<>();
    private int position;
    private Duration readTimeout = Duration.ofSeconds(30);
    private boolean open = true;
    private boolean outputShut;
    private boolean stopRequested;

    private ScriptedConnection(byte[] input, int bytesPerRead, boolean timeOutAtEnd) {
        this.input = Objects.requireNonNull(input, "input");
        if (bytesPerRead <= 0) {
            throw new IllegalArgumentException("bytesPerRead must be > 0: " + bytesPerRead);
        }
        this.bytesPerRead = bytesPerRead;
        this.timeOutAtEnd = timeOutAtEnd;
    }

    /** A peer that sends {@code input} in pieces of at most {@code bytesPerRead}, then closes. */
    public static ScriptedConnection of(byte[] input, int bytesPerRead) {
        return new ScriptedConnection(input, bytesPerRead, false);
    }

    /** A peer that sends {@code text} (UTF-8) in pieces of at most {@code bytesPerRead}, then closes. */
    public static ScriptedConnection of(String text, int bytesPerRead) {
        return of(text.getBytes(StandardCharsets.UTF_8), bytesPerRead);
    }

    /** A peer that sends {@code text} in pieces, then goes silent: the next read times out. */
    public static ScriptedConnection thenSilent(String text, int bytesPerRead) {
        return new ScriptedConnection(text.getBytes(StandardCharsets.UTF_8), bytesPerRead, true);
    }

    /** Makes {@link #stopRequested()} true, as a stopping server does. */
    public ScriptedConnection stopping() {
        stopRequested = true;
        return this;
    }

    /** Everything written so far. */
    public byte[] written() {
        return output.toByteArray();
    }

    /** Everything written so far, as ISO-8859-1 text (byte for byte). */
    public String writtenText() {
        return output.toString(StandardCharsets.ISO_8859_1);
    }

    /** The read timeouts the protocol set, in order. */
    public List<Duration> readTimeouts() {
        return List.copyOf(readTimeouts);
    }

    /** The idle marks the protocol set, in order. */
    public List<Boolean> idleMarks() {
        return List.copyOf(idleMarks);
    }

    /** Whether the protocol half-closed the output. */
    public boolean outputShut() {
        return outputShut;
    }

    /** How many scripted bytes have not been read. */
    public int unread() {
        return input.length - position;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (!open) {
            throw new IOException("connection closed");
        }
        if (length == 0) {
            return 0;
        }
        if (position == input.length) {
            if (timeOutAtEnd) {
                open = false;
                throw new SocketTimeoutException("no data for " + readTimeout);
            }
            return -1;
        }
        int n = Math.min(Math.min(length, bytesPerRead), input.length - position);
        System.arraycopy(input, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (!open || outputShut) {
            throw new IOException("connection closed");
        }
        output.write(bytes, offset, length);
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        long sent = 0;
        ByteBuffer piece = ByteBuffer.allocate(8_192);
        while (sent < count) {
            piece.clear().limit((int) Math.min(piece.capacity(), count - sent));
            int n = file.read(piece, position + sent);
            if (n <= 0) {
                break;
            }
            write(piece.array(), 0, n);
            sent += n;
        }
        return sent;
    }

    @Override
    public Thread startThread(String suffix, Runnable task) {
        return Thread.ofVirtual().name("scripted-" + suffix).start(task);
    }

    @Override
    public void shutdownOutput() {
        outputShut = true;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public void readTimeout(Duration timeout) {
        readTimeout = timeout;
        readTimeouts.add(timeout);
    }

    @Override
    public void idle(boolean idle) {
        idleMarks.add(idle);
    }

    @Override
    public boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40_000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8_080);
    }

    @Override
    public Client client() {
        throw new UnsupportedOperationException("a scripted connection has no registry");
    }

    @Override
    public String toString() {
        return "ScriptedConnection[" + position + "/" + input.length + " read]";
    }
}
