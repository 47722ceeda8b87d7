package dev.weft.http.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.fixtures.LocalhostFixture;
import dev.weft.core.fixtures.TestPki;
import dev.weft.core.fixtures.TestPki.Issued;
import dev.weft.core.fixtures.TestPki.KeyKind;
import dev.weft.core.pool.ConnectionPool;
import dev.weft.core.pool.PoolConfig;
import dev.weft.core.tls.HandshakeFailure;
import dev.weft.core.tls.TlsClientConfig;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TrustMaterial;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Router;
import dev.weft.testing.ServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The reverse proxy forwarding to an HTTPS upstream over a TLS connection pool. */
class ReverseProxyTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static LocalhostFixture fixture;
    private static TestPki ca;

    @TempDir
    Path dir;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    private HttpServer upstream;
    private HttpServer proxyServer;
    private ConnectionPool pool;
    private final HttpClient client = servers.closeAfterwards(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());

    @BeforeAll
    static void authority() {
        fixture = LocalhostFixture.create("Reverse proxy TLS CA");
        ca = fixture.ca();
    }

    private void startUpstream(TlsConfig tls) {
        upstream = servers.start(new HttpServer(HttpServerConfig.builder().host("127.0.0.1").port(0).tls(tls).build(),
                Router.of(List.of(Route.get("/hello", request -> Response.ok("Hello over TLS"))))));
    }

    private void startProxy() throws IOException {
        TlsClientConfig tls = TlsClientConfig.builder()
                .trusted(TrustMaterial.pem(TestPki.writeCertificates(dir.resolve("ca.pem"), List.of(ca.certificate()))))
                .build();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}),
                upstream.port());
        pool = servers.closeAfterwards(new ConnectionPool(PoolConfig.of(address).withTls(tls)));
        ReverseProxy proxy = new ReverseProxy(pool, "/proxy", ReverseProxy.Limits.DEFAULTS);
        proxyServer = servers.start(new HttpServer(HttpServerConfig.loopback(0),
                Router.of(List.of(Route.get("/proxy/*", proxy)))));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(proxyServer.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    @Test
    void requestsGoToAnHttpsUpstreamOverOnePooledTlsConnection() throws Exception {
        startUpstream(fixture.config(dir).build());
        startProxy();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = get("/proxy/hello");
            assertEquals(200, response.statusCode());
            assertEquals("Hello over TLS", response.body());
        }
        assertEquals(1, upstream.metrics().tls().handshakesCompleted());
        assertEquals(1, pool.tlsMetrics().handshakesCompleted());
    }

    @Test
    void anUpstreamWhoseCertificateNamesAnotherHostIsAnswered502() throws Exception {
        Issued elsewhere = ca.issue("elsewhere", KeyKind.EC, "elsewhere.example");
        startUpstream(TlsConfig.builder().certificate(LocalhostFixture.pem(dir, "elsewhere", elsewhere)).noReloadChecks().build());
        startProxy();
        assertEquals(502, get("/proxy/hello").statusCode());
        assertEquals(1, pool.tlsMetrics().failed(HandshakeFailure.BAD_CERTIFICATE));
    }

    @Test
    void theUpstreamHearsWhetherTheClientCameOverHttps() throws Exception {
        HttpServer plainUpstream = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(List.of(
                Route.get("/proto", request -> Response.ok(request.header("X-Forwarded-Proto").orElse("-")))))));
        ConnectionPool plainPool = servers.closeAfterwards(new ConnectionPool(PoolConfig.of(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), plainUpstream.port()))));
        HttpServer https = servers.start(new HttpServer(HttpServerConfig.builder().host("127.0.0.1").port(0)
                .tls(fixture.config(dir).build()).build(), Router.of(List.of(Route.get("/proxy/*",
                new ReverseProxy(plainPool, "/proxy", ReverseProxy.Limits.DEFAULTS))))));
        HttpServer http = servers.start(new HttpServer(HttpServerConfig.loopback(0), Router.of(List.of(Route.get("/proxy/*",
                new ReverseProxy(plainPool, "/proxy", ReverseProxy.Limits.DEFAULTS))))));
        HttpClient trusting = servers.closeAfterwards(HttpClient.newBuilder().sslContext(ca.clientContext())
                .connectTimeout(TIMEOUT).build());
        assertEquals("https", trusting.send(HttpRequest.newBuilder(https.uri("/proxy/proto")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString()).body());
        assertEquals("http", client.send(HttpRequest.newBuilder(http.uri("/proxy/proto")).timeout(TIMEOUT).build(),
                BodyHandlers.ofString()).body());
    }
}
