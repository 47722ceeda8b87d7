package dev.weft.samples.files;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.Option;
import dev.weft.samples.cli.SampleLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code files --port N --root DIR}: serves a directory over {@link FileProtocol}. */
public final class FilesMain {

    private static final Option<Integer> PORT = Option.port("port", 7200, "TCP port to listen on");
    private static final Option<String> HOST = Option.host("0.0.0.0");
    private static final Option<Path> ROOT = new Option<>("root", "DIR", "the directory to serve", null, text -> {
        Path root = Path.of(text);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + text);
        }
        return root;
    });

    private FilesMain() {
    }

    /** Runs the sample; returns the exit status. */
    public static int run(String[] args) {
        return SampleLauncher.launch("files", "File server: list, resumable download, verified upload, SHA-256.",
                List.of(PORT, HOST, ROOT), args, options -> {
                    TcpServerConfig server = TcpServerConfig.builder().name("files")
                            .host(options.get(HOST)).port(options.get(PORT)).build();
                    FilesConfig files = FilesConfig.of(options.get(ROOT));
                    return List.of(DaggerFilesComponent.factory().create(server, files).server().start());
                });
    }

    /** Runs the file server on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
