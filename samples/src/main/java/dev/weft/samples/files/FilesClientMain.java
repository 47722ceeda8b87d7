package dev.weft.samples.files;

import dev.weft.samples.cli.CommandLine;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code files-client --port N [--host H] list [DIR] | get NAME DEST | put SRC NAME}: the client
 * of the {@code files} sample. It prints the SHA-256 it verified after every transfer.
 */
public final class FilesClientMain {

    private static final Option<Integer> PORT = Option.port("port", 7200, "the server's port");
    private static final Option<String> HOST = Option.text("host", "ADDRESS", "127.0.0.1", "the server's address");
    private static final Option<Duration> TIMEOUT = Option.seconds("timeout", Duration.ofSeconds(30),
            "how long one read may wait for the server");
    private static final List<Option<?>> OPTIONS = List.of(PORT, HOST, TIMEOUT);
    private static final String SUMMARY = """
            File client. Commands:
              list [DIR]       list a directory (the root by default)
              get NAME DEST    download NAME to DEST; resumes when DEST holds a partial copy
              put SRC NAME     upload SRC as NAME""";

    private FilesClientMain() {
    }

    /** Runs one command; returns the exit status. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine options;
        try {
            options = CommandLine.parse(OPTIONS, args);
            if (options.helpRequested()) {
                out.print(CommandLine.usage("files-client", SUMMARY, OPTIONS));
                return SampleLauncher.EXIT_OK;
            }
            checkCommand(options.positional());
        } catch (UsageException e) {
            err.println("files-client: " + e.getMessage());
            err.print(CommandLine.usage("files-client", SUMMARY, OPTIONS));
            return SampleLauncher.EXIT_USAGE;
        }
        InetSocketAddress server = new InetSocketAddress(options.get(HOST), options.get(PORT));
        try (FilesClient client = new FilesClient(server, options.get(TIMEOUT))) {
            execute(client, options.positional(), out);
            return SampleLauncher.EXIT_OK;
        } catch (ProtocolException e) {
            err.println("files-client: the server refused: " + e.code() + ": " + e.getMessage());
            return SampleLauncher.EXIT_FAILURE;
        } catch (IOException e) {
            err.println("files-client: " + e);
            return SampleLauncher.EXIT_FAILURE;
        }
    }

    private static void checkCommand(List<String> words) throws UsageException {
        String command = words.isEmpty() ? "" : words.get(0);
        int arguments = words.size() - 1;
        boolean valid = switch (command) {
            case "list" -> arguments <= 1;
            case "get", "put" -> arguments == 2;
            default -> false;
        };
        if (!valid) {
            throw new UsageException("expected list [DIR], get NAME DEST or put SRC NAME, not " + String.join(" ", words));
        }
    }

    private static void execute(FilesClient client, List<String> words, PrintStream out) throws IOException {
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
        System.exit(run(args));
    }
}
