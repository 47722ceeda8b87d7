package dev.weft.loadtest.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The common end of both Netty handlers: writes are flushed once per read batch (so pipelined
 * requests leave in one write), and a failed connection is logged at DEBUG and closed.
 */
abstract class NettyBatchHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(NettyBatchHandler.class);

    @Override
    public final void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("netty connection {} failed: {}", ctx.channel(), cause.toString());
        ctx.close();
    }
}
