package dev.weft.loadtest.engine;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;

/** Netty echo: writes back every buffer read, flushes once per read batch. */
@ChannelHandler.Sharable
final class NettyEchoHandler extends NettyBatchHandler {

    static final NettyEchoHandler INSTANCE = new NettyEchoHandler();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg, ctx.voidPromise());
    }
}
