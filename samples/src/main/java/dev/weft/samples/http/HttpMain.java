package dev.weft.samples.http;

import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.files.StaticFiles;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.PositiveNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code http [--port N] [--host ADDRESS] [--static DIR] [--rate-limit R]}: the HTTP/1.1 sample server. */
@Command(name = "http", description = "HTTP/1.1 server: /hello, /echo, /users/{id}, /clients, /static/*, /metrics.")
public final class HttpMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 8080;

    @Option(names = "--static", paramLabel = "DIR", description = "directory served under /static/ (default: a bundled page)")
    private Optional<Path> staticDirectory = Optional.empty();

    @Option(names = "--rate-limit", paramLabel = "R", converter = PositiveNumber.class,
            description = "requests per second per client address, burst R; more are answered 429 (default: none)")
    private Optional<Integer> rateLimit = Optional.empty();

    private HttpMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        HttpServerConfig config = HttpServerConfig.builder().name("http").host(host()).port(port).build();
        HttpHandler content = staticDirectory.isPresent() ? new StaticFiles(staticDirectory.get()) : BundledPage.load();
        Optional<RateLimit> limit = rateLimit.map(RateLimit::perSecond);
        return List.of(DaggerHttpSampleComponent.factory().create(config, content, limit).server().start());
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
