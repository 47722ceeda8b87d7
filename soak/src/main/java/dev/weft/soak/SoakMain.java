package dev.weft.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak test's driver, run by {@code scripts/soak.sh} in its own JVM: drives mixed HTTP, echo,
 * chat and UDP load at a moderate rate against one server process on loopback, samples that
 * process every {@code --interval-seconds}, and writes the report. Exit status: 0 when the run
 * passed, 1 when it failed (a failed request, a metric trending up after warm-up, the server
 * gone), 2 on bad arguments.
 */
public final class SoakMain {

    private SoakMain() {
    }

    /** Runs the soak; see {@link SoakSettings#USAGE}. */
    public static void main(String[] args) throws Exception {
        SoakSettings settings;
        try {
            settings = SoakSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.err.print(SoakSettings.USAGE);
            System.exit(2);
            return;
        }
        SoakReport report = run(settings);
        report.write(settings.output());
        System.out.print(report.markdown());
        System.exit(report.passed() ? 0 : 1);
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
