package dev.weft.core.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** Opens blocking TCP connections with a connect timeout; shared by the proxy and its probes. */
final class Dialer {

    private Dialer() {
    }

    /**
     * Connects to {@code address} within {@code timeout}.
     *
     * @throws java.net.SocketTimeoutException when the connect takes longer
     * @throws IOException when it is refused or fails otherwise
     */
    static SocketChannel connect(InetSocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
