package dev.weft.samples.http;

import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServer;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.files.StaticFiles;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import dev.weft.samples.tls.CertificateOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code http [--port N] [--https-port M [--cert CHAIN.pem --key KEY.pem [--key-password-file F]]]
 * [--host ADDRESS] [--static DIR] [--rate-limit R]}: the HTTP sample server, and the same
 * routes over HTTPS on port M. Both ports speak HTTP/1.1 and HTTP/2: on the plain port a client
 * starts HTTP/2 with the connection preface (prior knowledge), on the HTTPS port by ALPN
 * {@code h2}.
 */
@Command(name = "http", description = "HTTP/1.1 and HTTP/2 server (and HTTPS): /hello, /echo, /users/{id}, /clients, /static/*, /metrics.")
public final class HttpMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 8080;

    @Option(names = "--https-port", paramLabel = "M", converter = PortNumber.class,
            description = "also serve the same routes over HTTPS on this port (default: no HTTPS)")
    private Optional<Integer> httpsPort = Optional.empty();

    @Mixin
    private CertificateOptions certificate = new CertificateOptions();

    @Option(names = "--static", paramLabel = "DIR", description = "directory served under /static/ (default: a bundled page)")
    private Optional<Path> staticDirectory = Optional.empty();

    @Option(names = "--rate-limit", paramLabel = "R", converter = PositiveNumber.class,
            description = "requests per second per client address, burst R; more are answered 429 (default: none)")
    private Optional<Integer> rateLimit = Optional.empty();

    private HttpMain() {
    }

    @Override
    protected void validate() {
        certificate.validate(httpsPort.isPresent(), "--https-port");
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        HttpServerConfig config = HttpServerConfig.builder().name("http").host(host()).port(port).build();
        Optional<HttpServerConfig> https = Optional.empty();
        if (httpsPort.isPresent()) {
            https = Optional.of(HttpServerConfig.builder().name("https").host(host()).port(httpsPort.get())
                    .tls(certificate.tlsConfig("http")).build());
        }
        HttpHandler content = staticDirectory.isPresent() ? new StaticFiles(staticDirectory.get()) : BundledPage.load();
        Optional<RateLimit> limit = rateLimit.map(RateLimit::perSecond);
        HttpSampleComponent app = DaggerHttpSampleComponent.factory().create(config, https, content, limit);
        List<AutoCloseable> services = new ArrayList<>();
        services.add(app.server().start());
        if (app.httpsServer().isPresent()) {
            HttpServer secure = app.httpsServer().get();
            try {
                services.add(secure.start());
            } catch (Exception e) {
                app.server().close();
                throw e;
            }
        }
        return services;
    }

    /**
     * Runs the http sample on its own.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SampleLauncher.main(new HttpMain(), args);
    }
}
