package dev.weft.loadtest.engine;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty WebSocket echo behind {@code WebSocketServerProtocolHandler} (which answers the
 * handshake, pings and close frames): every data frame is written back as it came, flushed once
 * per read batch.
 */
@ChannelHandler.Sharable
final class NettyWebSocketEchoHandler extends NettyBatchHandler {

    static final NettyWebSocketEchoHandler INSTANCE = new NettyWebSocketEchoHandler();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame) {
            ctx.write(frame, ctx.voidPromise());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }
}
