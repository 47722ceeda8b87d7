package dev.weft.samples.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code HOST:PORT}, resolved when parsed; an IPv6 address is written {@code [::1]:80}. */
public final class HostAndPort implements ITypeConverter<InetSocketAddress> {

    /** Creates the converter. */
    public HostAndPort() {
    }

    @Override
    public InetSocketAddress convert(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new TypeConversionException("expected HOST:PORT, not " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = WholeNumber.parse(text.substring(colon + 1));
        if (port <= 0 || port > 65_535) {
            throw new TypeConversionException("a port is 1..65535, not " + text.substring(colon + 1));
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new TypeConversionException("unknown host " + host);
        }
        return address;
    }
}
