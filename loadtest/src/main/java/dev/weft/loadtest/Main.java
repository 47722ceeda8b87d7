package dev.weft.loadtest;

import dev.weft.loadtest.engine.EngineHost;
import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.engine.EngineOptions;
import dev.weft.loadtest.generator.IdleHolder;
import dev.weft.loadtest.generator.Protocol;
import dev.weft.loadtest.matrix.MatrixOptions;
import dev.weft.loadtest.matrix.MatrixPlan;
import dev.weft.loadtest.matrix.MatrixRunner;
import dev.weft.loadtest.matrix.Profile;
import dev.weft.loadtest.matrix.Scenario;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The load test's command line; every process of a run is this jar with another command:
 * <pre>
 * run [--quick] [--engines a,b] [--scenarios x,y] [--out DIR] [--no-wrk] [--jfr] [--engine-jvm-options "..."] [--dry-run]
 * engine KIND                                                                one engine (child process)
 * hold --port P --protocol http|echo --connections N --source ADDR          idle connections (child process)
 * </pre>
 */
public final class Main {

    private Main() {
    }

    /** Runs the command named by the first argument. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no command");
            return;
        }
        CommandLine line = new CommandLine(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "run" -> run(line);
            case "engine" -> EngineHost.run(EngineKind.byLabel(line.positional(0)), EngineOptions.LOOPBACK_EPHEMERAL,
                    System.in, System.out);
            case "hold" -> hold(line);
            default -> usage("unknown command '" + args[0] + "'");
        }
    }

    private static void run(CommandLine line) throws IOException, InterruptedException {
        Profile profile = line.flag("--quick") ? Profile.QUICK : Profile.FULL;
        List<EngineKind> engines = line.value("--engines").map(v -> Arrays.stream(v.split(","))
                .map(EngineKind::byLabel).toList()).orElse(List.of(EngineKind.values()));
        List<Scenario> scenarios = line.value("--scenarios").map(v -> Arrays.stream(v.split(","))
                .map(Scenario::byLabel).toList()).orElse(List.of(Scenario.values()));
        Path out = line.value("--out").map(Path::of).orElse(Path.of("loadtest", "results",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Optional<Path> wrk = line.flag("--no-wrk") ? Optional.empty() : findOnPath("wrk");
        if (wrk.isEmpty() && scenarios.contains(Scenario.WRK)) {
            System.out.println("wrk not found on PATH: the wrk cross-check is left out");
        }
        MatrixOptions options = new MatrixOptions(profile, engines, scenarios, out, wrk, line.flag("--jfr"),
                line.value("--engine-jvm-options").map(v -> List.of(v.trim().split("\\s+"))).orElse(List.of()));
        if (line.flag("--dry-run")) {
            MatrixPlan plan = MatrixPlan.of(options);
            plan.allSteps().forEach(step -> System.out.println(step.describe()));
            System.out.printf("%d steps, about %d min %d s%n", plan.allSteps().size(),
                    plan.estimate(profile).toMinutes(), plan.estimate(profile).toSecondsPart());
            return;
        }
        new MatrixRunner(options, System.out).run();
    }

    private static void hold(CommandLine line) throws IOException, InterruptedException {
        int port = Integer.parseInt(line.required("--port"));
        Protocol protocol = line.required("--protocol").equals("http") ? new Protocol.Http(1) : new Protocol.Echo(64);
        int connections = Integer.parseInt(line.required("--connections"));
        InetAddress source = InetAddress.getByName(line.required("--source"));
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try (IdleHolder holder = IdleHolder.open(target, source, protocol, connections, Duration.ofSeconds(30))) {
            System.out.println("HELD held=" + holder.held() + " failed=" + holder.failed());
            System.out.flush();
            for (String command; (command = stdin.readLine()) != null; ) {
                if (command.trim().equals("check")) {
                    System.out.println("ALIVE alive=" + holder.check());
                    System.out.flush();
                }
            }
        }
    }

    private static Optional<Path> findOnPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private static void usage(String problem) {
        System.err.println(problem + """

                usage: java -jar weft-loadtest.jar run [--quick] [--engines LIST] [--scenarios LIST] [--out DIR] [--no-wrk] [--jfr]
                           [--engine-jvm-options "OPTIONS"] [--dry-run]
                       engines:   %s
                       scenarios: %s
                """.formatted(String.join(",", EngineKind.labels()), String.join(",", Scenario.labels())));
        System.exit(2);
    }
}
