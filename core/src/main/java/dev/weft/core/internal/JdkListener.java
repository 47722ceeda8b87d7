package dev.weft.core.internal;

import dev.weft.core.SocketOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A {@link Listener} over a blocking {@link ServerSocketChannel}; connections get a {@link PlainTransport}. */
final class JdkListener implements Listener {

    private final ServerSocketChannel channel;

    JdkListener(ServerSocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public AcceptedSocket accept() throws IOException {
        return new Accepted(channel.accept());
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** An accepted {@link SocketChannel}. */
    private record Accepted(SocketChannel channel) implements AcceptedSocket, AcceptedSocket.OptionSetter {

        @Override
        public InetSocketAddress remoteAddress() throws IOException {
            return (InetSocketAddress) channel.getRemoteAddress();
        }

        @Override
        public InetSocketAddress localAddress() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        @Override
        public void configure(SocketOptions options) throws IOException {
            AcceptedSocket.apply(options, this);
        }

        @Override
        public Transport transport() throws IOException {
            return new PlainTransport(channel);
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was served on it; the descriptor is released either way
            }
        }

        @Override
        public void tcpNoDelay(boolean on) throws IOException {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, on);
        }

        @Override
        public void keepAlive(boolean on) throws IOException {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, on);
        }

        @Override
        public void receiveBufferBytes(int bytes) throws IOException {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, bytes);
        }

        @Override
        public void sendBufferBytes(int bytes) throws IOException {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, bytes);
        }
    }
}
