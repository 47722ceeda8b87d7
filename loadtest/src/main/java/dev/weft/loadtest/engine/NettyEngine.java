package dev.weft.loadtest.engine;

import dev.weft.loadtest.tls.GeneratedCertificate;
import dev.weft.loadtest.tls.TlsSuite;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Netty, the industrial reactor, at its best: native epoll (required on Linux x86_64, see
 * {@link NettyTransport}), one event loop per core for connections and one for accepting,
 * every service written the way Netty's own examples and benchmarks write it:
 * <ul>
 *   <li>echo: writes back every buffer read;</li>
 *   <li>HTTP: {@link HttpServerCodec} and {@link NettyHelloHandler};</li>
 *   <li>HTTPS: the same behind an {@code SslHandler} on the JDK's TLS engine
 *       ({@link SslProvider#JDK}), TLS 1.3 and 1.2 with one cipher suite each
 *       ({@link TlsSuite}), a certificate generated at start;</li>
 *   <li>WebSocket: {@link WebSocketServerProtocolHandler} at {@code /ws} and an echo of every frame;</li>
 *   <li>h2c: {@code Http2FrameCodec} (prior knowledge) and {@link NettyH2HelloHandler};</li>
 *   <li>UDP echo: the transport's datagram channel ({@code EpollDatagramChannel}) on one of the
 *       loops, socket buffers as Weft's, {@link NettyDatagramEchoHandler}.</li>
 * </ul>
 * Writes are flushed once per read batch throughout.
 */
final class NettyEngine implements Engine {

    /** The largest WebSocket handshake request or frame accepted. */
    private static final int MAX_WEBSOCKET_BYTES = 65_536;
    /** Socket buffers of the UDP echo, as Weft's UDP engine has them. */
    private static final int UDP_BUFFER_BYTES = 4 << 20;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Map<Service, Channel> listeners;
    private final NettyTransport transport;

    private NettyEngine(EventLoopGroup boss, EventLoopGroup workers, Map<Service, Channel> listeners,
                        NettyTransport transport) {
        this.boss = boss;
        this.workers = workers;
        this.listeners = listeners;
        this.transport = transport;
    }

    static NettyEngine start(EngineOptions options) throws IOException {
        NettyTransport transport = NettyTransport.select(System.getProperty("os.name"), System.getProperty("os.arch"));
        SslContext tls = serverTls();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.factory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                transport.factory());
        Map<Service, Channel> listeners = new EnumMap<>(Service.class);
        try {
            Binder binder = new Binder(boss, workers, transport, options.host());
            listeners.put(Service.ECHO, binder.bind(options.echoPort(), () -> new ChannelHandler[] {NettyEchoHandler.INSTANCE}));
            listeners.put(Service.HTTP, binder.bind(options.httpPort(),
                    () -> new ChannelHandler[] {new HttpServerCodec(), NettyHelloHandler.INSTANCE}));
            listeners.put(Service.HTTPS, binder.bind(0, () -> new ChannelHandler[] {
                    tls.newHandler(io.netty.buffer.ByteBufAllocator.DEFAULT), new HttpServerCodec(), NettyHelloHandler.INSTANCE}));
            listeners.put(Service.WEBSOCKET, binder.bind(0, () -> new ChannelHandler[] {new HttpServerCodec(),
                    new HttpObjectAggregator(MAX_WEBSOCKET_BYTES),
                    new WebSocketServerProtocolHandler("/ws", null, false, MAX_WEBSOCKET_BYTES),
                    NettyWebSocketEchoHandler.INSTANCE}));
            listeners.put(Service.H2C, binder.bind(0, () -> new ChannelHandler[] {
                    Http2FrameCodecBuilder.forServer().build(), NettyH2HelloHandler.INSTANCE}));
            listeners.put(Service.UDP_ECHO, new Bootstrap().group(workers).channel(transport.datagramType())
                    .option(ChannelOption.SO_RCVBUF, UDP_BUFFER_BYTES).option(ChannelOption.SO_SNDBUF, UDP_BUFFER_BYTES)
                    .handler(NettyDatagramEchoHandler.INSTANCE)
                    .bind(new InetSocketAddress(options.host(), 0)).sync().channel());
            return new NettyEngine(boss, workers, listeners, transport);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(listeners, boss, workers);
            throw new IOException("interrupted while binding", e);
        } catch (RuntimeException e) {
            closeAll(listeners, boss, workers);
            throw e;
        }
    }

    /** The HTTPS context: JDK TLS engine, both {@link TlsSuite}s, a freshly generated certificate. */
    private static SslContext serverTls() throws IOException {
        try {
            return SslContextBuilder.forServer(GeneratedCertificate.shared().keyManagerFactory())
                    .sslProvider(SslProvider.JDK)
                    .protocols(TlsSuite.protocols())
                    .ciphers(TlsSuite.cipherSuites(), IdentityCipherSuiteFilter.INSTANCE)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build Netty's TLS context", e);
        }
    }

    /** Binds server channels with the options every service shares. */
    private record Binder(EventLoopGroup boss, EventLoopGroup workers, NettyTransport transport, String host) {
        Channel bind(int port, Supplier<ChannelHandler[]> pipeline) throws InterruptedException {
            return new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.channelType())
                    .option(ChannelOption.SO_BACKLOG, 4_096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(pipeline.get());
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
        }
    }

    @Override
    public EngineKind kind() {
        return EngineKind.NETTY;
    }

    @Override
    public Map<Service, Integer> ports() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        listeners.forEach((service, channel) -> ports.put(service, ((InetSocketAddress) channel.localAddress()).getPort()));
        return ports;
    }

    @Override
    public String transport() {
        return transport.name() + ", " + Runtime.getRuntime().availableProcessors() + " worker loops";
    }

    @Override
    public String description() {
        return "Netty " + io.netty.util.Version.identify().values().stream().findFirst()
                .map(io.netty.util.Version::artifactVersion).orElse("?")
                + "; HTTP through HttpServerCodec, HTTPS through SslHandler (JDK TLS engine), WebSocket through"
                + " WebSocketServerProtocolHandler, h2c through Http2FrameCodec, UDP echo on the datagram channel;"
                + " flushed once per read batch";
    }

    @Override
    public void close() {
        closeAll(listeners, boss, workers);
    }

    private static void closeAll(Map<Service, Channel> listeners, EventLoopGroup boss, EventLoopGroup workers) {
        listeners.values().forEach(channel -> channel.close().syncUninterruptibly());
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
