package dev.weft.core.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.NetworkChannel;

/**
 * The address a server asked for and the one it got, shared by every kind of Weft server: it
 * resolves the configured host, binds a channel with a message that names the address when that
 * fails, and answers {@code port()} and {@code localAddress()} once bound.
 */
public final class BoundAddress {

    /**
     * Binds a freshly opened channel; the channel is closed by the caller's failure handling.
     *
     * @param <C> the kind of channel bound
     */
    @FunctionalInterface
    public interface Binder<C extends NetworkChannel> {
        /**
         * Applies options to {@code channel} and binds it to {@code address}.
         *
         * @param channel the freshly opened channel
         * @param address the resolved address to bind
         * @throws IOException when an option or the bind fails
         */
        void bind(C channel, InetSocketAddress address) throws IOException;
    }

    /** Opens a {@link Listener} bound to an address; it closes what it opened when it fails. */
    @FunctionalInterface
    public interface ListenerOpener {
        /**
         * Opens a listening socket bound to {@code address}.
         *
         * @param address the resolved address to bind
         * @return the bound listener
         * @throws IOException when opening or binding fails
         */
        Listener open(InetSocketAddress address) throws IOException;
    }

    private final String serverName;
    private volatile InetSocketAddress bound;

    /**
     * An address not bound yet.
     *
     * @param serverName the server's name, for messages
     */
    public BoundAddress(String serverName) {
        this.serverName = serverName;
    }

    /**
     * Resolves {@code host}, binds {@code channel} there with {@code binder}, and remembers the
     * address bound; on failure closes the channel.
     *
     * @param <C>     the kind of channel bound
     * @param channel the freshly opened channel
     * @param host    a literal IP or a host name to resolve
     * @param port    the port, 0 to 65535; 0 for an ephemeral port
     * @param binder  applies options and binds
     * @return {@code channel}, bound
     * @throws BindException naming the address: {@code "127.0.0.1:8080 is already in use"}, or
     *     {@code "cannot bind nowhere.invalid:80: unknown host"}
     */
    public <C extends NetworkChannel> C bind(C channel, String host, int port, Binder<C> binder) throws IOException {
        try {
            InetSocketAddress address = BindFailure.resolve(host, port);
            try {
                binder.bind(channel, address);
            } catch (BindException e) {
                throw BindFailure.naming(address, e);
            }
            bound = (InetSocketAddress) channel.getLocalAddress();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Resolves {@code host}, opens a listener there with {@code opener}, and remembers the address
     * bound.
     *
     * @param host   a literal IP or a host name to resolve
     * @param port   the port, 0 to 65535; 0 for an ephemeral port
     * @param opener opens the listener at the resolved address
     * @return the bound listener
     * @throws BindException naming the address, as {@link #bind} does
     */
    public Listener listen(String host, int port, ListenerOpener opener) throws IOException {
        InetSocketAddress address = BindFailure.resolve(host, port);
        Listener listener;
        try {
            listener = opener.open(address);
        } catch (BindException e) {
            throw BindFailure.naming(address, e);
        }
        try {
            bound = listener.localAddress();
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    /**
     * {@return the address bound}
     *
     * @throws IllegalStateException before the server has bound
     */
    public InetSocketAddress get() {
        InetSocketAddress address = bound;
        if (address == null) {
            throw new IllegalStateException(serverName + " server is not started");
        }
        return address;
    }

    /**
     * {@code scheme://host:port} followed by {@code path}; the wildcard address becomes loopback.
     *
     * @param scheme the URI scheme, for example {@code "http"}
     * @param path   the path appended after the port, starting with {@code /} (or empty)
     * @return the URI of the bound address
     * @throws IllegalStateException before the server has bound
     */
    public URI uri(String scheme, String path) {
        InetSocketAddress address = get();
        String host = address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + ":" + address.getPort() + path);
    }

    /** {@return {@code host:port} once bound, for log lines and {@code toString()}; empty before} */
    public String describe() {
        InetSocketAddress address = bound;
        return address == null ? "" : BindFailure.describe(address);
    }
}
