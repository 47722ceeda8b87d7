package dev.weft.core.internal.epoll;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * {@code struct sockaddr_in} and {@code sockaddr_in6} to and from {@link InetSocketAddress}, in
 * byte arrays the critical downcalls read and write in place. An IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}, what a dual-stack socket reports for an IPv4 peer) comes back as the
 * IPv4 address, as the JDK reports it.
 */
final class SocketAddresses {

    /** {@code sizeof(struct sockaddr_storage)}: room for any address. */
    static final int MAX_BYTES = 128;
    private static final int IPV4_BYTES = 16;
    private static final int IPV6_BYTES = 28;

    private SocketAddresses() {
    }

    /** The address family of {@code address}: {@link Libc#AF_INET} or {@link Libc#AF_INET6}. */
    static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? Libc.AF_INET6 : Libc.AF_INET;
    }

    /** {@code address} as a {@code sockaddr} of the length the kernel expects for its family. */
    static byte[] encode(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        byte[] raw = ip.getAddress();
        byte[] sockaddr;
        if (ip instanceof Inet4Address) {
            sockaddr = new byte[IPV4_BYTES];
            putFamily(sockaddr, Libc.AF_INET);
            System.arraycopy(raw, 0, sockaddr, 4, 4);
        } else {
            sockaddr = new byte[IPV6_BYTES];
            putFamily(sockaddr, Libc.AF_INET6);
            System.arraycopy(raw, 0, sockaddr, 8, 16);
            int scope = ((Inet6Address) ip).getScopeId();
            for (int i = 0; i < 4; i++) {
                sockaddr[24 + i] = (byte) (scope >>> (8 * i)); // host order: little-endian on x86_64
            }
        }
        sockaddr[2] = (byte) (address.getPort() >>> 8); // network order
        sockaddr[3] = (byte) address.getPort();
        return sockaddr;
    }

    /** The address in the first bytes of {@code sockaddr}, as {@code accept4} or {@code getsockname} filled it. */
    static InetSocketAddress decode(byte[] sockaddr) {
        int family = (sockaddr[0] & 0xff) | (sockaddr[1] & 0xff) << 8;
        int port = (sockaddr[2] & 0xff) << 8 | (sockaddr[3] & 0xff);
        try {
            if (family == Libc.AF_INET) {
                return new InetSocketAddress(InetAddress.getByAddress(slice(sockaddr, 4, 4)), port);
            }
            if (family == Libc.AF_INET6) {
                byte[] raw = slice(sockaddr, 8, 16);
                if (isIpv4Mapped(raw)) {
                    return new InetSocketAddress(InetAddress.getByAddress(slice(raw, 12, 4)), port);
                }
                int scope = (sockaddr[24] & 0xff) | (sockaddr[25] & 0xff) << 8 | (sockaddr[26] & 0xff) << 16
                        | (sockaddr[27] & 0xff) << 24;
                return new InetSocketAddress(scope == 0 ? InetAddress.getByAddress(raw)
                        : Inet6Address.getByAddress(null, raw, scope), port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the kernel returned a malformed address", e);
        }
        throw new IllegalStateException("unexpected address family " + family);
    }

    /** The address {@code fd} is bound to ({@code getsockname}). */
    static InetSocketAddress localAddress(int fd) throws IOException {
        byte[] address = new byte[MAX_BYTES];
        int[] addressLength = {address.length};
        MemorySegment errno = Libc.errno();
        if (Libc.getsockname(errno, fd, MemorySegment.ofArray(address), MemorySegment.ofArray(addressLength)) < 0) {
            throw Errno.exception(Libc.errno(errno), "getsockname");
        }
        return decode(address);
    }

    private static void putFamily(byte[] sockaddr, int family) {
        sockaddr[0] = (byte) family; // host order: little-endian on x86_64
        sockaddr[1] = (byte) (family >>> 8);
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, from, part, 0, length);
        return part;
    }
}
