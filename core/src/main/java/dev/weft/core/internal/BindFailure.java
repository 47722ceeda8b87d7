package dev.weft.core.internal;

import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * How every Weft server names an address and reports a failed bind, so that a TCP server and a
 * UDP server say the same thing: {@code "127.0.0.1:8080 is already in use"}.
 */
public final class BindFailure {

    private BindFailure() {
    }

    /**
     * {@code host:port} with a literal IP, IPv6 in brackets: {@code 127.0.0.1:80}, {@code [::1]:80}.
     *
     * @param address the address; an unresolved one is described by its host string
     * @return the description
     */
    public static String describe(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + address.getPort();
    }

    /**
     * The address to bind for {@code host} and {@code port}, resolved.
     *
     * @param host a literal IP or a host name
     * @param port the port, 0 to 65535
     * @return the resolved address
     * @throws BindException {@code "cannot bind <host>:<port>: unknown host"} if it does not resolve
     */
    public static InetSocketAddress resolve(String host, int port) throws BindException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new BindException("cannot bind " + host + ":" + port + ": unknown host");
        }
        return address;
    }

    /**
     * A {@link BindException} whose message names the address: {@code "<address> is already in
     * use"} when that is the reason, else {@code "cannot bind <address>: <reason>"}; the
     * original is its cause.
     *
     * @param address the address that could not be bound
     * @param cause   the exception the bind threw
     * @return the exception to throw instead
     */
    public static BindException naming(InetSocketAddress address, BindException cause) {
        String reason = String.valueOf(cause.getMessage());
        BindException named = new BindException(reason.contains("in use")
                ? describe(address) + " is already in use"
                : "cannot bind " + describe(address) + ": " + reason);
        named.initCause(cause);
        return named;
    }
}
