package dev.weft.loadtest.engine;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty UDP echo: sends every datagram back to its sender with the buffer it arrived in (no
 * copy), flushed once per read batch, so that a batch leaves in one {@code sendmmsg} on epoll.
 * A failure is logged at DEBUG and the channel keeps serving: it is the only UDP socket.
 */
@ChannelHandler.Sharable
final class NettyDatagramEchoHandler extends ChannelInboundHandlerAdapter {

    static final NettyDatagramEchoHandler INSTANCE = new NettyDatagramEchoHandler();
    private static final Logger log = LoggerFactory.getLogger(NettyDatagramEchoHandler.class);

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        ctx.write(new DatagramPacket(packet.content(), packet.sender()), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("netty UDP echo failed: {}", cause.toString());
    }
}
