package dev.weft.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A {@link Transport} straight over a blocking-mode {@link SocketChannel}. Reads and writes go
 * through the socket's streams, which park a virtual thread instead of blocking its carrier;
 * a file goes out with {@link FileChannel#transferTo} ({@code sendfile} on Linux).
 */
public final class PlainTransport implements Transport {

    private final SocketChannel channel;
    private final InputStream input;
    private final OutputStream output;

    /**
     * The streams of {@code channel}.
     *
     * @param channel a connected channel in blocking mode
     * @throws IOException when the socket's streams cannot be opened
     */
    public PlainTransport(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.input = channel.socket().getInputStream();
        this.output = channel.socket().getOutputStream();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return input.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        output.write(buffer, offset, length);
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        long n = file.transferTo(position, count, channel);
        if (n == 0 && position < file.size()) {
            // transferTo may return 0 without sending (an interrupted sendfile); fall back to a
            // copy of one small piece, which blocks until it is written, so the caller progresses.
            return copyPiece(file, position, Math.min(count, 8_192));
        }
        return n;
    }

    private long copyPiece(FileChannel file, long position, long count) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate((int) count);
        int read = file.read(piece, position);
        if (read <= 0) {
            return 0;
        }
        piece.flip();
        while (piece.hasRemaining()) {
            channel.write(piece);
        }
        return read;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
