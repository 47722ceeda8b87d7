package dev.weft.core.internal;

import dev.weft.core.ListenerConfig;
import dev.weft.core.SocketIo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The portable {@link SocketEngine}: {@code java.nio} channels in blocking mode; a virtual thread
 * that waits parks on the JDK's own poller. No threads of its own.
 */
public final class JdkSocketEngine implements SocketEngine {

    /** The engine; it holds no state. */
    public static final JdkSocketEngine INSTANCE = new JdkSocketEngine();

    private JdkSocketEngine() {
    }

    @Override
    public Listener listen(InetSocketAddress address, ListenerConfig config) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, config.socketOptions().reuseAddress());
            if (config.socketOptions().receiveBufferBytes().isPresent()) {
                // Set on the listener so accepted sockets get it before the handshake (window scaling).
                channel.setOption(StandardSocketOptions.SO_RCVBUF, config.socketOptions().receiveBufferBytes().getAsInt());
            }
            channel.bind(address, config.acceptBacklog());
            return new JdkListener(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public SocketIo kind() {
        return SocketIo.JDK;
    }

    @Override
    public String description() {
        return "JDK sockets";
    }

    @Override
    public int threads() {
        return 0;
    }

    @Override
    public void stop() {
        // nothing of its own
    }
}
