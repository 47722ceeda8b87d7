package dev.weft.loadtest.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty HTTP/2 {@code GET /hello} on {@code Http2FrameCodec}, as Netty's own frame-codec
 * example answers: a HEADERS frame (status, {@code server}, {@code date}, {@code content-type},
 * {@code content-length}) and one DATA frame ending the stream, for every request stream once
 * its request has ended; flushed once per read batch, so many streams leave in one write.
 */
@ChannelHandler.Sharable
final class NettyH2HelloHandler extends NettyBatchHandler {

    static final NettyH2HelloHandler INSTANCE = new NettyH2HelloHandler();

    private static final AsciiString HELLO_PATH = AsciiString.cached("/hello");
    private static final AsciiString SERVER = AsciiString.cached("server");
    private static final AsciiString DATE = AsciiString.cached("date");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("content-type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("content-length");
    private static final ByteBuf OK_BODY = NettyHelloBodies.OK;
    private static final ByteBuf NOT_FOUND_BODY = NettyHelloBodies.NOT_FOUND;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers && headers.isEndStream()) {
                respond(ctx, headers.stream(), HELLO_PATH.contentEquals(headers.headers().path()));
            } else if (msg instanceof Http2DataFrame data && data.isEndStream()) {
                respond(ctx, data.stream(), false);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private static void respond(ChannelHandlerContext ctx, Http2FrameStream stream, boolean hello) {
        ByteBuf body = hello ? OK_BODY : NOT_FOUND_BODY;
        Http2Headers headers = new DefaultHttp2Headers()
                .status(hello ? "200" : "404")
                .set(SERVER, HelloResponse.SERVER)
                .set(DATE, HelloResponse.date())
                .set(CONTENT_TYPE, hello ? HelloResponse.CONTENT_TYPE : HelloResponse.NOT_FOUND_CONTENT_TYPE)
                .setInt(CONTENT_LENGTH, body.readableBytes());
        ctx.write(new DefaultHttp2HeadersFrame(headers).stream(stream), ctx.voidPromise());
        ctx.write(new DefaultHttp2DataFrame(body.duplicate(), true).stream(stream), ctx.voidPromise());
    }
}
