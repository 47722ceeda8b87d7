package dev.weft.http.internal.h2;

import java.net.InetSocketAddress;

/**
 * A {@link Wire} over an array, handing out at most {@code chunk} bytes per read, then EOF; writes
 * are refused unless a subclass takes them.
 */
class ArrayWire implements Wire {

    private final byte[] bytes;
    private final int chunk;
    private int position;

    ArrayWire(byte[] bytes, int chunk) {
        this.bytes = bytes;
        this.chunk = chunk;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(chunk, length), bytes.length - position);
        System.arraycopy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress(0);
    }

    @Override
    public Thread startThread(String suffix, Runnable task) {
        return Thread.ofVirtual().name("array-wire-" + suffix).start(task);
    }
}
