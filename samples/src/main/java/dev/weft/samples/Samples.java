package dev.weft.samples;

import dev.weft.samples.chat.ChatMain;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.echo.EchoMain;
import dev.weft.samples.files.FilesClientMain;
import dev.weft.samples.files.FilesMain;
import dev.weft.samples.http.HttpMain;
import dev.weft.samples.httpproxy.HttpProxyMain;
import dev.weft.samples.proxy.EchoBenchMain;
import dev.weft.samples.proxy.ProxyMain;
import dev.weft.samples.udpclient.UdpClientMain;
import dev.weft.samples.udpecho.UdpEchoMain;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of {@code weft-samples.jar}: the first argument picks the sample, the rest are
 * its options. Exit codes: 0 after a clean stop or {@code --help}, 1 when the sample fails (for
 * example its port is in use), 2 on bad arguments.
 */
public final class Samples {

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        register(new Sample("http", "HTTP/1.1 server: /hello, /echo, /users/{id}, /clients, /static/*", HttpMain::run));
        register(new Sample("echo", "TCP echo server", EchoMain::run));
        register(new Sample("chat", "TCP line chat with rooms: /nick NAME, /join ROOM, /who, /quit;"
                + " --udp-port M adds the UDP relay", ChatMain::run));
        register(new Sample("udp-echo", "UDP echo server", UdpEchoMain::run));
        register(new Sample("udp-client", "UDP chat client of the relay, reading lines from stdin",
                UdpClientMain::run));
        register(new Sample("files", "file server: list, resumable download, verified upload", FilesMain::run));
        register(new Sample("files-client", "client of the files sample: list, get, put", FilesClientMain::run));
        register(new Sample("http-proxy", "HTTP reverse proxy over pooled keep-alive connections", HttpProxyMain::run));
        register(new Sample("proxy", "TCP proxy and load balancer with health checks", ProxyMain::run));
        register(new Sample("echo-bench", "echo messages/s direct vs. through a proxy", EchoBenchMain::run));
    }

    private Samples() {
    }

    private static void register(Sample sample) {
        SAMPLES.put(sample.name(), sample);
    }

    /** Runs the sample named by {@code args[0]} and exits with its status. */
    public static void main(String[] args) {
        int status = run(args);
        if (status != SampleLauncher.EXIT_OK) {
            System.exit(status);
        }
    }

    /** Runs the sample named by {@code args[0]}; returns the exit status. */
    public static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(usage());
            return args.length == 0 ? SampleLauncher.EXIT_USAGE : SampleLauncher.EXIT_OK;
        }
        Sample sample = SAMPLES.get(args[0]);
        if (sample == null) {
            System.err.println("unknown sample: " + args[0]);
            System.err.print(usage());
            return SampleLauncher.EXIT_USAGE;
        }
        return sample.entry().run(Arrays.copyOfRange(args, 1, args.length));
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar weft-samples.jar <sample> [options]\n\nsamples:\n");
        SAMPLES.values().forEach(s -> text.append(String.format("  %-12s %s%n", s.name(), s.description())));
        text.append("\n'<sample> --help' lists a sample's options.\n");
        return text.toString();
    }

    /** One runnable sample. */
    private record Sample(String name, String description, Entry entry) {
    }

    /** A sample's entry point: runs it with its options, returns the exit status. */
    @FunctionalInterface
    public interface Entry {
        /** Runs the sample; returns its exit status. */
        int run(String[] args);
    }
}
