package dev.weft.http.internal;

import dev.weft.core.Client;
import dev.weft.core.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.time.Duration;

/**
 * A {@link Connection} with no socket, for decoders that read through one: reads return the
 * given bytes a few at a time — the way TCP may split them — then the end of the stream; writes
 * are counted and dropped. Only what the HTTP decoders use is supported.
 */
final class ScriptedConnection implements Connection {

    private final byte[] input;
    private final int bytesPerRead;
    private int position;
    private long bytesWritten;
    private Duration readTimeout = Duration.ofSeconds(1);
    private boolean open = true;

    /**
     * @param input        what the peer sends
     * @param bytesPerRead the most bytes one read returns, at least 1
     */
    ScriptedConnection(byte[] input, int bytesPerRead) {
        this.input = input;
        this.bytesPerRead = Math.max(1, bytesPerRead);
    }

    /** The bytes written so far. */
    long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == input.length) {
            return -1;
        }
        int n = Math.min(Math.min(length, bytesPerRead), input.length - position);
        System.arraycopy(input, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        bytesWritten += length;
    }

    @Override
    public void flush() {
        // Nothing is buffered here.
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public void readTimeout(Duration timeout) {
        readTimeout = timeout;
    }

    @Override
    public void idle(boolean idle) {
        // No server to tell.
    }

    @Override
    public boolean stopRequested() {
        return false;
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
    public void shutdownOutput() {
        // Nothing to half-close.
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 2);
    }

    @Override
    public Client client() {
        throw unsupported();
    }

    @Override
    public InputStream input() {
        throw unsupported();
    }

    @Override
    public OutputStream output() {
        throw unsupported();
    }

    @Override
    public void readExactly(byte[] buffer, int offset, int length) {
        throw unsupported();
    }

    @Override
    public byte[] readExactly(int length) {
        throw unsupported();
    }

    @Override
    public byte[] readSome(int maxBytes) {
        throw unsupported();
    }

    @Override
    public String readLine(int maxBytes) {
        throw unsupported();
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not used by the HTTP decoders");
    }
}
