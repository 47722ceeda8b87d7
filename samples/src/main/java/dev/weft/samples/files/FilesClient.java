package dev.weft.samples.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;

/**
 * A blocking client of {@link FileProtocol}, one connection, one request at a time. A refused
 * request throws a {@link ProtocolException} carrying the server's code and message, and the
 * connection stays usable.
 */
public final class FilesClient implements AutoCloseable {

    /** The longest answer frame accepted (a listing of many long names). */
    static final int MAX_ANSWER_BYTES = 8 << 20;
    private static final int BUFFER_BYTES = 256 * 1_024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** What a download did. */
    public record Download(long resumedFrom, long transferred, Sha256 sha256, Duration transferTime) {
    }

    /**
     * Connects.
     *
     * @param readTimeout how long one read may wait for the server
     */
    public FilesClient(InetSocketAddress server, Duration readTimeout) throws IOException {
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
            out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The entries of {@code directory} ({@code ""} for the root). */
    public FileMessage.Listing list(String directory) throws IOException {
        return expect(request(new FileMessage.ListRequest(directory)), FileMessage.Listing.class);
    }

    /** The size and SHA-256 of a file on the server. */
    public FileMessage.HashResult hash(String name) throws IOException {
        return expect(request(new FileMessage.HashRequest(name)), FileMessage.HashResult.class);
    }

    /**
     * Downloads {@code name} to {@code destination}, resuming when {@code destination} already
     * holds a prefix of it, then checks the whole file against the server's SHA-256. When the
     * check fails after a resume (the partial copy was not a prefix), downloads everything again
     * once.
     *
     * @throws ProtocolException with {@link ErrorCode#HASH_MISMATCH} when the check still fails
     */
    public Download get(String name, Path destination) throws IOException {
        long held = Files.exists(destination) ? Files.size(destination) : 0;
        Download download;
        try {
            download = fetch(name, destination, held);
        } catch (ProtocolException e) {
            if (e.code() != ErrorCode.BAD_OFFSET) {
                throw e;
            }
            download = fetch(name, destination, 0);  // the local copy is longer than the file
        }
        if (!download.sha256().equals(hash(name).sha256())) {
            if (download.resumedFrom() == 0) {
                throw new ProtocolException(ErrorCode.HASH_MISMATCH, "downloaded " + name + " has the wrong SHA-256");
            }
            return get(name, truncate(destination));
        }
        return download;
    }

    private static Path truncate(Path destination) throws IOException {
        try (FileChannel channel = FileChannel.open(destination, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        return destination;
    }

    private Download fetch(String name, Path destination, long offset) throws IOException {
        long started = System.nanoTime();
        FileMessage.Data data = expect(request(new FileMessage.GetRequest(name, offset)), FileMessage.Data.class);
        try (FileChannel file = FileChannel.open(destination, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            file.truncate(offset);
            file.position(offset);
            copy(in, file, data.count());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Download(offset, data.count(), Sha256.ofFile(destination, BUFFER_BYTES), elapsed);
    }

    private static void copy(InputStream from, FileChannel to, long count) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long remaining = count;
        while (remaining > 0) {
            int n = from.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new EOFException("the download ended " + remaining + " bytes early");
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
                to.write(bytes);
            }
            remaining -= n;
        }
    }

    /**
     * Uploads {@code source} as {@code name}; the server stores it only if its SHA-256 matches.
     *
     * @return the server's confirmation, with the SHA-256 it verified
     */
    public FileMessage.Stored put(Path source, String name) throws IOException {
        Sha256 sha256 = Sha256.ofFile(source, BUFFER_BYTES);
        try (FileChannel file = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = file.size();
            FileMessage.Ready ready = expect(request(new FileMessage.PutRequest(name, size, sha256)),
                    FileMessage.Ready.class);
            BoundedOutput bounded = new BoundedOutput(out, ready.size());
            Channels.newInputStream(file).transferTo(bounded);
            if (bounded.remaining > 0) {
                close();  // the server waits for bytes that will never come: the connection is lost
                throw new EOFException(source + " shrank during the upload: " + bounded.remaining + " bytes missing");
            }
            out.flush();
        }
        FileMessage.Stored stored = expect(answer(), FileMessage.Stored.class);
        if (!stored.sha256().equals(sha256)) {
            throw new ProtocolException(ErrorCode.HASH_MISMATCH, "the server stored SHA-256 " + stored.sha256()
                    + ", not " + sha256);
        }
        return stored;
    }

    /** Sends {@code message} and reads the answer frame. */
    private FileMessage request(FileMessage message) throws IOException {
        out.write(FileProtocol.encode(message));
        out.flush();
        return answer();
    }

    private FileMessage answer() throws IOException {
        byte[] frame = FileProtocol.readFrame(in, MAX_ANSWER_BYTES);
        if (frame == null) {
            throw new EOFException("the server closed the connection");
        }
        return FileProtocol.decode(frame);
    }

    private static <T extends FileMessage> T expect(FileMessage answer, Class<T> type) throws ProtocolException {
        if (answer instanceof FileMessage.Error error) {
            throw new ProtocolException(error.code(), error.message());
        }
        if (!type.isInstance(answer)) {
            throw new ProtocolException(ErrorCode.BAD_FRAME, "expected " + type.getSimpleName() + ", got " + answer);
        }
        return type.cast(answer);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Passes on at most {@code limit} bytes, so a file that grew is not sent past its announced size. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long remaining;

        BoundedOutput(OutputStream out, long limit) {
            this.out = Objects.requireNonNull(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            out.write(b, off, n);
            remaining -= n;
        }
    }
}
