package dev.weft.samples.files;

import dev.weft.core.BufferedInput;
import dev.weft.core.Connection;
import dev.weft.core.ConnectionHandler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The file server's side of {@link FileProtocol}: reads one request frame at a time and answers
 * it, until the client closes.
 *
 * <p>A refused request (bad name, missing file, bad offset, upload too large, wrong hash) or a
 * malformed frame is answered with an {@code ERROR} and the loop goes on; only a frame longer
 * than the limit, or a broken transfer, ends the connection. Downloads go from the file to the
 * socket with {@link Connection#transferFrom} ({@code sendfile} on Linux), never through the
 * heap. Client mistakes are logged at DEBUG, names that try to leave the root at INFO, the
 * server's own file errors at WARN.
 */
public final class FileServerHandler implements ConnectionHandler {

    private static final Logger log = LoggerFactory.getLogger(FileServerHandler.class);

    private final FilesConfig config;
    private final FileRoot root;
    private final UploadReceiver uploads;

    /**
     * @throws IllegalArgumentException when the root does not exist or is not a directory
     */
    @Inject
    public FileServerHandler(FilesConfig config) {
        this.config = config;
        try {
            this.root = new FileRoot(config.root(), config.maxNameBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve " + config.root() + ": " + e.getMessage(), e);
        }
        this.uploads = new UploadReceiver(root, config);
    }

    @Override
    public void handle(Connection connection) throws IOException {
        BufferedInput in = new BufferedInput(connection, config.bufferBytes());
        while (true) {
            if (!connection.idle(true)) {
                return;
            }
            in.releaseIfDrained();
            byte[] frame;
            try {
                frame = FileProtocol.readFrame(in, config.maxFrameBytes());
            } catch (ProtocolException e) {
                log.debug("{} sent an unreadable frame, closing: {}", connection, e.getMessage());
                send(connection, e.toMessage());
                return;
            }
            if (frame == null) {
                return;
            }
            if (!connection.idle(false)) {
                return; // the server stopped while we waited: the connection is closed
            }
            try {
                serve(connection, in, FileProtocol.decode(frame));
            } catch (ProtocolException e) {
                log.atLevel(e.code() == ErrorCode.BAD_NAME ? Level.INFO : Level.DEBUG)
                        .log("{} request refused: {} {}", connection, e.code(), e.getMessage());
                send(connection, e.toMessage());
            }
        }
    }

    private void serve(Connection connection, BufferedInput in, FileMessage request) throws IOException {
        switch (request) {
            case FileMessage.ListRequest list -> send(connection, list(list.directory()));
            case FileMessage.GetRequest get -> download(connection, get);
            case FileMessage.PutRequest put -> send(connection, uploads.receive(connection, in, put));
            case FileMessage.HashRequest hash -> send(connection, hash(hash.name()));
            default -> throw new ProtocolException(ErrorCode.BAD_FRAME,
                    "message type 0x" + Integer.toHexString(request.type()) + " is not a request");
        }
    }

    private FileMessage.Listing list(String name) throws ProtocolException {
        Path directory = root.existing(name);
        if (!Files.isDirectory(directory)) {
            throw new ProtocolException(ErrorCode.WRONG_KIND, name + " is not a directory");
        }
        List<FileMessage.Entry> entries = new ArrayList<>();
        boolean truncated = false;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                FileMessage.Entry entry = entryOf(child);
                if (entry == null) {
                    continue;
                }
                if (entries.size() == config.maxListEntries()) {
                    truncated = true;
                    break;
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            log.warn("listing {} failed: {}", directory, e.toString());
            throw new ProtocolException(ErrorCode.IO_ERROR, "cannot list " + name);
        }
        entries.sort(Comparator.comparing(FileMessage.Entry::name));
        return new FileMessage.Listing(truncated, entries);
    }

    /** The entry for a regular file or directory; null for links, uploads in progress and others. */
    private FileMessage.Entry entryOf(Path child) throws IOException {
        String name = child.getFileName().toString();
        if (name.startsWith(FileRoot.TEMP_PREFIX)) {
            return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isRegularFile()) {
            return new FileMessage.Entry(name, FileMessage.Kind.FILE, attributes.size());
        }
        return attributes.isDirectory() ? new FileMessage.Entry(name, FileMessage.Kind.DIRECTORY, 0) : null;
    }

    private void download(Connection connection, FileMessage.GetRequest get) throws IOException {
        Path file = regularFile(get.name());
        try (FileChannel channel = open(file, get.name())) {
            long size = channel.size();
            if (get.offset() > size) {
                throw new ProtocolException(ErrorCode.BAD_OFFSET,
                        "offset (" + get.offset() + ") is beyond the end of " + get.name() + " (" + size + " bytes)");
            }
            long count = size - get.offset();
            connection.write(FileProtocol.encode(new FileMessage.Data(size, get.offset(), count)));
            long sent = transfer(connection, channel, get, count);
            if (sent < count) {
                // The file shrank under us: the peer expects bytes we do not have. Framing is lost.
                throw new IOException(get.name() + " shrank during the download: sent " + sent + " of " + count);
            }
            log.debug("{} sent {} bytes of {} from offset {}", connection, sent, get.name(), get.offset());
        }
    }

    /**
     * Sends the bytes with zero copy. A client that goes away mid-download (to resume later) is a
     * normal ending, which the engine recognises and logs at DEBUG whatever exception reports it.
     */
    private static long transfer(Connection connection, FileChannel channel, FileMessage.GetRequest get, long count)
            throws IOException {
        return connection.transferFrom(channel, get.offset(), count);
    }

    private FileMessage.HashResult hash(String name) throws ProtocolException {
        Path file = regularFile(name);
        try {
            long size = Files.size(file);
            return new FileMessage.HashResult(size, Sha256.ofFile(file, config.bufferBytes()));
        } catch (IOException e) {
            log.warn("hashing {} failed: {}", file, e.toString());
            throw new ProtocolException(ErrorCode.IO_ERROR, "cannot read " + name);
        }
    }

    private Path regularFile(String name) throws ProtocolException {
        Path file = root.existing(name);
        if (!Files.isRegularFile(file)) {
            throw new ProtocolException(ErrorCode.WRONG_KIND, name + " is not a file");
        }
        return file;
    }

    private static FileChannel open(Path file, String name) throws ProtocolException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            log.warn("opening {} failed: {}", file, e.toString());
            throw new ProtocolException(ErrorCode.IO_ERROR, "cannot read " + name);
        }
    }

    private static void send(Connection connection, FileMessage message) throws IOException {
        connection.write(FileProtocol.encode(message));
    }
}
