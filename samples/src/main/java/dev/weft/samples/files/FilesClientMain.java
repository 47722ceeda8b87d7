package dev.weft.samples.files;

import dev.weft.samples.cli.HostName;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.WholeSeconds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code files-client [--port N] [--host H] list [DIR] | get NAME DEST | put SRC NAME}: the client
 * of the {@code files} sample. It prints the SHA-256 it verified after every transfer.
 */
@Command(name = "files-client", description = {
    "Client of the files sample: list, download (resumable), upload; prints the SHA-256 it verified.",
    "Commands:",
    "  list [DIR]       list a directory (the root by default)",
    "  get NAME DEST    download NAME to DEST; resumes when DEST holds a partial copy",
    "  put SRC NAME     upload SRC as NAME"})
public final class FilesClientMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "the server's port (default: ${DEFAULT-VALUE})")
    private int port = 7200;

    @Option(names = "--host", paramLabel = "ADDRESS", converter = HostName.class,
            description = "the server's address (default: ${DEFAULT-VALUE})")
    private String host = "127.0.0.1";

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = WholeSeconds.class,
            description = "how long one read may wait for the server (default: 30)")
    private Duration timeout = Duration.ofSeconds(30);

    @Parameters(paramLabel = "COMMAND", arity = "1..3", description = "list [DIR], get NAME DEST or put SRC NAME")
    private List<String> words;

    private FilesClientMain() {
    }

    /** Runs one command, printing to {@code out} and {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return SampleLauncher.run(new FilesClientMain(), args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Override
    public Integer call() {
        checkCommand(words);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (FilesClient client = new FilesClient(new InetSocketAddress(host, port), timeout)) {
            execute(client, words, out);
            return SampleLauncher.EXIT_OK;
        } catch (ProtocolException e) {
            err.println("files-client: the server refused: " + e.code() + ": " + e.getMessage());
            return SampleLauncher.EXIT_FAILURE;
        } catch (IOException e) {
            err.println("files-client: " + e);
            return SampleLauncher.EXIT_FAILURE;
        }
    }

    private void checkCommand(List<String> words) {
        String command = words.get(0);
        int arguments = words.size() - 1;
        boolean valid = switch (command) {
            case "list" -> arguments <= 1;
            case "get", "put" -> arguments == 2;
            default -> false;
        };
        if (!valid) {
            throw new ParameterException(spec.commandLine(),
                    "expected list [DIR], get NAME DEST or put SRC NAME, not " + String.join(" ", words));
        }
    }

    private static void execute(FilesClient client, List<String> words, PrintWriter out) throws IOException {
        switch (words.get(0)) {
            case "list" -> {
                FileMessage.Listing listing = client.list(words.size() > 1 ? words.get(1) : "");
                for (FileMessage.Entry entry : listing.entries()) {
                    out.printf("%-9s %,15d  %s%n", entry.kind() == FileMessage.Kind.DIRECTORY ? "dir" : "file",
                            entry.size(), entry.name());
                }
                if (listing.truncated()) {
                    out.println("(listing truncated by the server)");
                }
            }
            case "get" -> {
                FilesClient.Download download = client.get(words.get(1), Path.of(words.get(2)));
                double seconds = download.transferTime().toNanos() / 1e9;
                out.printf("received %,d bytes%s in %.3f s (%.1f MiB/s)%n", download.transferred(),
                        download.resumedFrom() > 0 ? " (resumed at " + download.resumedFrom() + ")" : "",
                        seconds, download.transferred() / 1_048_576.0 / Math.max(seconds, 1e-9));
                out.println("SHA-256 verified: " + download.sha256().hex());
            }
            default -> {
                FileMessage.Stored stored = client.put(Path.of(words.get(1)), words.get(2));
                out.printf("stored %,d bytes%n", stored.size());
                out.println("SHA-256 verified: " + stored.sha256().hex());
            }
        }
    }

    /** Runs the client on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new FilesClientMain(), args);
    }
}
