package dev.weft.loadtest.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of {@link HelloResponse} as direct, unreleasable Netty buffers, shared by the
 * HTTP/1.1 and HTTP/2 handlers: each response writes a {@code duplicate()}, as Netty's own
 * benchmarks do.
 */
final class NettyHelloBodies {

    /** {@code Hello, World!}. */
    static final ByteBuf OK = of(HelloResponse.BODY);
    /** The 404 body. */
    static final ByteBuf NOT_FOUND = of(HelloResponse.NOT_FOUND_BODY);

    private NettyHelloBodies() {
    }

    private static ByteBuf of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }
}
