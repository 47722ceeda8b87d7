package dev.weft.loadtest.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty {@code GET /hello}, written the way Netty's own benchmarks write it: a response object
 * per request with constant header values and a shared body buffer, encoded by
 * {@link io.netty.handler.codec.http.HttpServerCodec} into the same bytes as
 * {@link HelloResponse}; flushed once per read batch, so pipelined requests leave in one write.
 */
@ChannelHandler.Sharable
final class NettyHelloHandler extends NettyBatchHandler {

    private static final AsciiString SERVER = AsciiString.cached("Server");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString SERVER_VALUE = AsciiString.cached(HelloResponse.SERVER);
    private static final AsciiString TYPE_VALUE = AsciiString.cached(HelloResponse.CONTENT_TYPE);
    private static final AsciiString NOT_FOUND_TYPE_VALUE = AsciiString.cached(HelloResponse.NOT_FOUND_CONTENT_TYPE);
    private static final ByteBuf OK_BODY = NettyHelloBodies.OK;
    private static final ByteBuf NOT_FOUND_BODY = NettyHelloBodies.NOT_FOUND;
    private static final AsciiString OK_LENGTH = AsciiString.cached(Integer.toString(OK_BODY.readableBytes()));
    private static final AsciiString NOT_FOUND_LENGTH = AsciiString.cached(Integer.toString(NOT_FOUND_BODY.readableBytes()));
    /** The one instance, shared by every channel (it holds no per-connection state). */
    static final NettyHelloHandler INSTANCE = new NettyHelloHandler();

    private volatile AsciiString date = new AsciiString(HelloResponse.date());

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                boolean hello = "/hello".equals(request.uri());
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        hello ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                        (hello ? OK_BODY : NOT_FOUND_BODY).duplicate(), false);
                HttpHeaders headers = response.headers();
                headers.set(SERVER, SERVER_VALUE);
                headers.set(DATE, currentDate());
                headers.set(CONTENT_TYPE, hello ? TYPE_VALUE : NOT_FOUND_TYPE_VALUE);
                headers.set(CONTENT_LENGTH, hello ? OK_LENGTH : NOT_FOUND_LENGTH);
                ctx.write(response, ctx.voidPromise());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private AsciiString currentDate() {
        String now = HelloResponse.date();
        AsciiString cached = date;
        if (!cached.contentEquals(now)) {
            cached = new AsciiString(now);
            date = cached;
        }
        return cached;
    }
}
