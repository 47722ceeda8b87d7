package dev.weft.samples;

import dev.weft.samples.all.AllMain;
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
import picocli.CommandLine.Command;

/**
 * The entry point of {@code weft-samples.jar}: the first argument picks the sample (a subcommand),
 * the rest are its options, such as {@code java -jar weft-samples.jar http --port 8080}. Exit
 * codes: 0 after a clean stop, {@code --help} or {@code --version}, 1 when the sample fails (for
 * example its port is in use), 2 on bad arguments.
 */
@Command(name = "java -jar weft-samples.jar",
        description = "Runs one of Weft's samples; '<sample> --help' lists its options.",
        subcommands = {HttpMain.class, EchoMain.class, ChatMain.class, UdpEchoMain.class, UdpClientMain.class,
            FilesMain.class, FilesClientMain.class, HttpProxyMain.class, ProxyMain.class, EchoBenchMain.class,
            AllMain.class})
public final class Samples {

    private Samples() {
    }

    /** Runs the sample named by {@code args[0]} and exits with its status. */
    public static void main(String[] args) {
        SampleLauncher.main(new Samples(), args);
    }

    /** Runs the sample named by {@code args[0]}; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.run(new Samples(), args);
    }
}
