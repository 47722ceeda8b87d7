package dev.weft.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The soak test's driver, run by {@code scripts/soak.sh} in its own JVM
 * ({@code java -jar soak/target/weft-soak.jar --pid PID ...}): drives mixed HTTP, echo, chat and
 * UDP load at a moderate rate against one server process on loopback, samples that process every
 * {@code --interval-seconds}, and writes the report.
 */
@Command(name = "java -jar weft-soak.jar", mixinStandardHelpOptions = true, versionProvider = SoakMain.Version.class,
        description = "Soak driver: mixed load on loopback against one server process, leak trends, a report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run passed, or --help, --version",
            "1:the run failed (a failed request, a metric trending up after warm-up, the server gone)",
            "2:bad arguments"})
public final class SoakMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--pid", paramLabel = "PID", required = true, description = "the server process to sample")
    private long pid;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "the server's loopback address (default: 127.0.0.1)")
    private InetAddress host = InetAddress.getLoopbackAddress();

    @Option(names = "--echo-port", paramLabel = "N", required = true, description = "the server's echo port")
    private int echoPort;

    @Option(names = "--chat-port", paramLabel = "N", required = true, description = "the server's chat port")
    private int chatPort;

    @Option(names = "--udp-port", paramLabel = "N", required = true, description = "the server's UDP relay port")
    private int udpPort;

    @Option(names = "--http-port", paramLabel = "N", description = "the server's HTTP port, if it serves HTTP")
    private Optional<Integer> httpPort = Optional.empty();

    @Option(names = "--minutes", paramLabel = "N", description = "how long the load runs (default: ${DEFAULT-VALUE})")
    private int minutes = 10;

    @Option(names = "--interval-seconds", paramLabel = "N",
            description = "how often the process is sampled (default: ${DEFAULT-VALUE})")
    private int intervalSeconds = 10;

    @Option(names = "--workers", paramLabel = "N", description = "clients of each kind (default: ${DEFAULT-VALUE})")
    private int workers = 4;

    @Option(names = "--pause-millis", paramLabel = "N",
            description = "each client's pause between exchanges (default: ${DEFAULT-VALUE})")
    private int pauseMillis = 100;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the report goes")
    private Path output;

    private SoakMain() {
    }

    /** Runs the soak and exits: 0 when it passed, 1 when it failed, 2 on bad arguments. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The settings {@code args} give.
     *
     * @throws ParameterException when they are not valid
     */
    static SoakSettings parse(String... args) {
        CommandLine line = commandLine();
        line.parseArgs(args);
        return line.<SoakMain>getCommand().settings();
    }

    /** The driver's command line: bad arguments print what is wrong and the usage, and exit with 2. */
    static CommandLine commandLine() {
        return new CommandLine(new SoakMain()).setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("soak: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            e.getCommandLine().usage(err);
            return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        });
    }

    @Override
    public Integer call() throws Exception {
        SoakSettings settings = settings();
        SoakReport report = run(settings);
        report.write(settings.output());
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();
        return report.passed() ? 0 : 1;
    }

    private SoakSettings settings() {
        Duration duration = Duration.ofMinutes(minutes);
        Duration fifth = duration.dividedBy(5);
        try {
            return new SoakSettings(pid, host, echoPort, chatPort, udpPort, httpPort, duration,
                    fifth.compareTo(Duration.ofMinutes(2)) < 0 ? fifth : Duration.ofMinutes(2),
                    Duration.ofSeconds(intervalSeconds), workers, Duration.ofMillis(pauseMillis), Duration.ofSeconds(5),
                    output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code --version}: the driver's version, from its jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SoakMain.class.getPackage().getImplementationVersion();
            return new String[] {"Weft soak driver " + (version == null ? "(not run from its jar)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    static SoakReport run(SoakSettings settings) throws InterruptedException {
        ProcessSampler sampler = new ProcessSampler(settings.pid());
        LoadRunner load = startLoad(settings);
        List<Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        for (Duration next = Duration.ZERO; next.compareTo(settings.duration()) <= 0; next = next.plus(settings.interval())) {
            waitUntil(start, next);
            if (!sampler.isAlive()) {
                problems.add("the server process " + settings.pid() + " is gone");
                break;
            }
            try {
                Sample sample = sampler.sample(Duration.ofNanos(System.nanoTime() - start));
                samples.add(sample);
                progress(sample, load.tallies());
            } catch (IOException e) {
                problems.add("sampling failed: " + e.getMessage());
                break;
            }
        }
        if (!load.stop(settings.timeout().multipliedBy(4))) {
            problems.add("some clients did not stop within " + settings.timeout().multipliedBy(4));
        }
        List<Trend> trends = trends(samples, settings.warmUp(), problems);
        for (Tally tally : load.tallies()) {
            if (tally.failed() > 0) {
                problems.add(tally.failed() + " " + tally.name() + " exchanges failed");
            }
            if (tally.succeeded() == 0) {
                problems.add("no " + tally.name() + " exchange succeeded");
            }
        }
        return new SoakReport(description(settings), settings.warmUp(), samples, trends, load.tallies(), problems);
    }

    private static LoadRunner startLoad(SoakSettings s) {
        LoadRunner load = new LoadRunner(s.pause());
        s.httpPort().ifPresent(port -> load.start("http", s.workers(),
                i -> new HttpWorkload(s.address(port), s.timeout(), i)));
        load.start("echo", s.workers(), i -> new EchoWorkload(s.address(s.echoPort()), s.timeout(), i));
        load.start("chat", s.workers(), i -> new ChatPairWorkload(s.address(s.chatPort()), s.timeout(), i));
        load.start("udp+chat", s.workers(), i -> new UdpRelayWorkload(s.address(s.chatPort()),
                s.address(s.udpPort()), s.timeout(), i));
        return load;
    }

    private static List<Trend> trends(List<Sample> samples, Duration warmUp, List<String> problems) {
        List<Sample> settled = samples.stream().filter(s -> s.elapsed().compareTo(warmUp) >= 0).toList();
        if (settled.size() < Trend.MIN_POINTS) {
            problems.add("only " + settled.size() + " samples after warm-up; a trend needs " + Trend.MIN_POINTS);
            return List.of();
        }
        List<Trend> trends = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            Trend trend = Trend.of(metric, settled);
            trends.add(trend);
            if (trend.risesTooMuch()) {
                problems.add(String.format(Locale.ROOT, "%s trends up after warm-up: %s over the run, allowed %s",
                        metric.label(), metric.format(trend.growth()), metric.format(trend.allowed())));
            }
        }
        return trends;
    }

    private static void waitUntil(long startNanos, Duration offset) throws InterruptedException {
        long remaining = startNanos + offset.toNanos() - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(Duration.ofNanos(remaining)); // pacing the sampler, not synchronising with anything
        }
    }

    private static void progress(Sample s, List<Tally> tallies) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "soak: %4d s  rss %s  heap-after-gc %s  threads %d  fds %d ", s.elapsed().toSeconds(),
                Metric.RSS.format(s.rssBytes()), Metric.HEAP_AFTER_GC.format(s.heapAfterGcBytes()),
                s.threads(), s.descriptors()));
        for (Tally t : tallies) {
            line.append(String.format(Locale.ROOT, " %s %d/%d", t.name(), t.succeeded(), t.failed()));
        }
        System.out.println(line.append("  (ok/failed)"));
    }

    private static String description(SoakSettings s) {
        return String.format(Locale.ROOT, "Server pid %d on %s (http %s, echo %d, chat %d, udp %d); %d min of load, "
                        + "%d clients per kind, %d ms pause between exchanges, %d s between samples, "
                        + "answers within %d s.", s.pid(), s.host().getHostAddress(),
                s.httpPort().map(String::valueOf).orElse("none"), s.echoPort(), s.chatPort(), s.udpPort(),
                s.duration().toMinutes(), s.workers(), s.pause().toMillis(), s.interval().toSeconds(),
                s.timeout().toSeconds());
    }
}
