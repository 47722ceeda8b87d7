package dev.weft.loadtest.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Netty, the industrial reactor: epoll where its native library loads, else NIO; one event loop
 * per core for connections and one for accepting. HTTP goes through Netty's own
 * {@link HttpServerCodec}; echo writes back what it reads and flushes once per read batch.
 */
final class NettyEngine implements Engine {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel echo;
    private final Channel http;
    private final String transport;

    private NettyEngine(EventLoopGroup boss, EventLoopGroup workers, Channel echo, Channel http, String transport) {
        this.boss = boss;
        this.workers = workers;
        this.echo = echo;
        this.http = http;
        this.transport = transport;
    }

    static NettyEngine start(EngineOptions options) throws IOException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        String transport = epoll ? "epoll"
                : "NIO (epoll unavailable: " + Epoll.unavailabilityCause().getClass().getSimpleName() + ")";
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, factory);
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), factory);
        try {
            Channel echo = bind(boss, workers, channelType, new InetSocketAddress(options.host(), options.echoPort()),
                    new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(NettyEchoHandler.INSTANCE);
                        }
                    });
            Channel http = bind(boss, workers, channelType, new InetSocketAddress(options.host(), options.httpPort()),
                    new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), NettyHelloHandler.INSTANCE);
                        }
                    });
            return new NettyEngine(boss, workers, echo, http, transport);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdown(boss, workers);
            throw new IOException("interrupted while binding", e);
        } catch (RuntimeException e) {
            shutdown(boss, workers);
            throw e;
        }
    }

    private static Channel bind(EventLoopGroup boss, EventLoopGroup workers, Class<? extends ServerChannel> type,
                                InetSocketAddress address, ChannelInitializer<SocketChannel> initializer)
            throws InterruptedException {
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(type)
                .option(ChannelOption.SO_BACKLOG, 4_096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(address).sync().channel();
    }

    @Override
    public EngineKind kind() {
        return EngineKind.NETTY;
    }

    @Override
    public int echoPort() {
        return ((InetSocketAddress) echo.localAddress()).getPort();
    }

    @Override
    public OptionalInt httpPort() {
        return OptionalInt.of(((InetSocketAddress) http.localAddress()).getPort());
    }

    @Override
    public String description() {
        return "Netty " + io.netty.util.Version.identify().values().stream().findFirst()
                .map(io.netty.util.Version::artifactVersion).orElse("?") + ", " + transport
                + ", " + Runtime.getRuntime().availableProcessors() + " worker loops; HTTP through HttpServerCodec";
    }

    @Override
    public void close() {
        echo.close().syncUninterruptibly();
        http.close().syncUninterruptibly();
        shutdown(boss, workers);
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
