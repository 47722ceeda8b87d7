package dev.weft.loadtest.engine;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty {@code GET /hello}: answers each decoded request with a shared, pre-built response whose
 * encoded bytes equal {@link HelloResponse}; flushes once per read batch, so pipelined requests
 * leave in one write.
 */
@ChannelHandler.Sharable
final class NettyHelloHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(NettyHelloHandler.class);
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    /** The one instance, shared by every channel (it holds no per-connection state). */
    static final NettyHelloHandler INSTANCE = new NettyHelloHandler();

    private final FullHttpResponse ok = response(HttpResponseStatus.OK, HelloResponse.BODY);
    private final FullHttpResponse notFound = response(HttpResponseStatus.NOT_FOUND, "Not Found");

    private static FullHttpResponse response(HttpResponseStatus status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes)));
        response.headers().set(CONTENT_TYPE, TEXT_PLAIN).set(CONTENT_LENGTH, bytes.length);
        return response;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                FullHttpResponse response = "/hello".equals(request.uri()) ? ok : notFound;
                ctx.write(response.retainedDuplicate(), ctx.voidPromise());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("netty http connection failed: {}", cause.toString());
        ctx.close();
    }
}
