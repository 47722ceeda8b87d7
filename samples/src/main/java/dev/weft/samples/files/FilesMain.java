package dev.weft.samples.files;

import dev.weft.core.TcpServerConfig;
import dev.weft.samples.cli.ExistingDirectory;
import dev.weft.samples.cli.PortNumber;
import dev.weft.samples.cli.SampleLauncher;
import dev.weft.samples.cli.ServerSample;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code files [--port N] --root DIR}: serves a directory over {@link FileProtocol}. */
@Command(name = "files", description = "File server: list, resumable download, verified upload, SHA-256.")
public final class FilesMain extends ServerSample {

    @Option(names = "--port", paramLabel = "N", converter = PortNumber.class,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE})")
    private int port = 7200;

    @Option(names = "--root", paramLabel = "DIR", required = true, converter = ExistingDirectory.class,
            description = "the directory to serve")
    private Path root;

    private FilesMain() {
    }

    @Override
    protected List<AutoCloseable> start() throws Exception {
        TcpServerConfig server = TcpServerConfig.builder().name("files").host(host()).port(port).build();
        return List.of(DaggerFilesComponent.factory().create(server, FilesConfig.of(root)).server().start());
    }

    /** Runs the file server on its own. */
    public static void main(String[] args) {
        SampleLauncher.main(new FilesMain(), args);
    }
}
