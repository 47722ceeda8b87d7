package dev.weft.core.internal.tls;

import dev.weft.core.internal.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/** A plain {@link Transport} over a blocking {@link SocketChannel}: the test stand-in for the engine's. */
final class SocketChannelTransport implements Transport {

    private final SocketChannel channel;

    SocketChannelTransport(SocketChannel channel) {
        this.channel = channel;
    }

    SocketChannel channel() {
        return channel;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        do {
            n = channel.read(ByteBuffer.wrap(b, off, len));
        } while (n == 0 && len > 0);
        return n;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
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
