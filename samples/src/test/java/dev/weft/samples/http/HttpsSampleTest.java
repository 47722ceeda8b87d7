package dev.weft.samples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.tls.TlsConfig;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.samples.tls.DevelopmentCertificate;
import dev.weft.samples.tls.DevelopmentTrust;
import dev.weft.testing.ServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code http} sample with {@code --https-port}: one component, the same routes over HTTP and HTTPS. */
class HttpsSampleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final DevelopmentCertificate certificate = DevelopmentCertificate.create();

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private HttpSampleComponent app;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        HttpServerConfig https = HttpServerConfig.builder().name("https").host("127.0.0.1").port(0)
                .tls(TlsConfig.builder().certificate(certificate.keyMaterial()).noReloadChecks().build()).build();
        app = DaggerHttpSampleComponent.factory().create(HttpServerConfig.loopback(0), Optional.of(https),
                BundledPage.load(), Optional.empty());
        servers.start(app.server());
        servers.start(app.httpsServer().orElseThrow());
        client = servers.closeAfterwards(HttpClient.newBuilder()
                .sslContext(DevelopmentTrust.trusting(certificate.certificate())).connectTimeout(TIMEOUT).build());
    }

    private HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    }

    @Test
    void theSameRoutesAnswerTheSameOverHttpAndHttps() throws Exception {
        HttpServer https = app.httpsServer().orElseThrow();
        assertEquals("https", https.uri("/").getScheme());
        for (String path : new String[] {"/hello", "/users/42", "/clients"}) {
            HttpResponse<String> plain = get(app.server(), path);
            HttpResponse<String> secure = get(https, path);
            assertEquals(200, secure.statusCode(), path);
            assertEquals(plain.body(), secure.body(), path);
        }
        assertEquals(404, get(https, "/nothing-here").statusCode());
        assertEquals(1, https.metrics().tls().handshakesCompleted());
    }

    @Test
    void withoutHttpsTheComponentHasNoSecondServer() {
        HttpSampleComponent plain = DaggerHttpSampleComponent.factory().create(HttpServerConfig.loopback(0),
                Optional.empty(), BundledPage.load(), Optional.empty());
        assertEquals(Optional.empty(), plain.httpsServer());
    }
}
