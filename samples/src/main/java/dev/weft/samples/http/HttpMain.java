package dev.weft.samples.http;

import dev.weft.core.TcpServerConfig;
import dev.weft.core.limit.RateLimit;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.files.StaticFiles;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code http --port N [--host ADDRESS] [--static DIR] [--rate-limit R]}: the HTTP/1.1 sample server. */
public final class HttpMain {

    private static final Option<Integer> PORT = Option.port("port", 8080, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<Optional<Path>> STATIC = new Option<>("static", "DIR",
            "directory served under /static/ (default: a bundled page)", Optional.empty(),
            text -> Optional.of(Path.of(text)));

    private static final Option<Optional<Integer>> RATE_LIMIT = Option.optionalPositiveInt("rate-limit", "R",
            "requests per second per client address, burst R; more are answered 429");

    private HttpMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("http", "HTTP/1.1 server: /hello, /echo, /users/{id}, /clients, /static/*.",
                List.of(PORT, HOST, STATIC, RATE_LIMIT), args, options -> {
                    HttpServerConfig config = HttpServerConfig.of(TcpServerConfig.builder().name("http")
                            .host(options.get(HOST)).port(options.get(PORT)).build());
                    Optional<Path> directory = options.get(STATIC);
                    HttpHandler content = directory.isPresent() ? new StaticFiles(directory.get()) : BundledPage.load();
                    Optional<RateLimit> rateLimit = options.get(RATE_LIMIT).map(RateLimit::perSecond);
                    return List.of(DaggerHttpSampleComponent.factory().create(config, content, rateLimit)
                            .server().start());
                });
    }

    /** Runs the http sample on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
