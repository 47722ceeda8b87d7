package dev.weft.samples.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PinningRecorder.class)
class FileServerTest {

    /** Spaces the checks of a condition polled with a deadline; the outcome never depends on it. */

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long MIB = 1 << 20;

    @TempDir
    Path root;
    @TempDir
    Path local;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer server;

    @BeforeEach
    void start() throws IOException {
        FilesConfig config = FilesConfig.of(root).withMaxFileBytes(64 * MIB);
        server = servers.start(DaggerFilesComponent.factory().create(TcpServerConfig.loopback(0), config).server());
    }

    private FilesClient client() throws IOException {
        return new FilesClient(server.localAddress(), TIMEOUT);
    }

    /**
     * A sparse file of {@code size} bytes with 64 KiB of random bytes every 8 MiB and at the end,
     * so a transfer that drops or misplaces bytes changes its hash, yet it costs no disk space.
     */
    private static Path sparseFile(Path path, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[64 * 1024];
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
            for (long position = 0; position < size; position += 8 * MIB) {
                random.nextBytes(block);
                file.seek(position);
                file.write(block, 0, (int) Math.min(block.length, size - position));
            }
            random.nextBytes(block);
            file.seek(size - block.length);
            file.write(block);
        }
        return path;
    }

    @Test
    void a200MiBDownloadArrivesWithTheServersHash() throws IOException {
        Path source = sparseFile(root.resolve("big.bin"), 200 * MIB, 1);
        Path destination = local.resolve("big.bin");
        try (FilesClient client = client()) {
            FilesClient.Download download = client.get("big.bin", destination);
            assertEquals(0, download.resumedFrom());
            assertEquals(200 * MIB, download.transferred());
            assertEquals(Sha256.ofFile(source, 1 << 20), download.sha256());
        }
        assertEquals(200 * MIB, Files.size(destination));
    }

    @Test
    void anInterruptedDownloadResumesFromWhereItStopped() throws IOException {
        Path source = sparseFile(root.resolve("resume.bin"), 20 * MIB, 2);
        Path destination = local.resolve("resume.bin");
        long cut = 7 * MIB + 123;
        try (RawClient raw = new RawClient(); OutputStream partial = Files.newOutputStream(destination)) {
            raw.send(new FileMessage.GetRequest("resume.bin", 0));
            assertEquals(new FileMessage.Data(20 * MIB, 0, 20 * MIB), raw.answer());
            partial.write(raw.in.readNBytes((int) cut));
        }   // the connection drops mid-transfer
        try (FilesClient client = client()) {
            FilesClient.Download download = client.get("resume.bin", destination);
            assertEquals(cut, download.resumedFrom());
            assertEquals(20 * MIB - cut, download.transferred());
            assertEquals(Sha256.ofFile(source, 1 << 20), download.sha256());
        }
    }

    @Test
    void aPartialCopyThatIsNotAPrefixIsDownloadedAgainWhole() throws IOException {
        Path source = sparseFile(root.resolve("f.bin"), 3 * MIB, 3);
        Path destination = local.resolve("f.bin");
        Files.write(destination, new byte[] {1, 2, 3});
        try (FilesClient client = client()) {
            FilesClient.Download download = client.get("f.bin", destination);
            assertEquals(0, download.resumedFrom(), "the final download started from zero");
            assertEquals(Sha256.ofFile(source, 1 << 20), download.sha256());
        }
    }

    @Test
    void uploadsAreStoredVerifiedAndListed() throws IOException {
        Files.createDirectory(root.resolve("sub"));
        Path source = sparseFile(local.resolve("up.bin"), 5 * MIB, 4);
        try (FilesClient client = client()) {
            FileMessage.Stored stored = client.put(source, "sub/up.bin");
            assertEquals(Sha256.ofFile(source, 1 << 20), stored.sha256());
            assertEquals(List.of(new FileMessage.Entry("up.bin", FileMessage.Kind.FILE, 5 * MIB)),
                    client.list("sub").entries());
            assertEquals(List.of(new FileMessage.Entry("sub", FileMessage.Kind.DIRECTORY, 0)), client.list("").entries());
            assertEquals(stored.sha256(), client.hash("sub/up.bin").sha256());
        }
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(root.resolve("sub/up.bin")));
    }

    @Test
    void namesThatLeaveTheRootAreRefusedAndTheConnectionStaysUsable() throws IOException {
        Path outside = Files.createDirectory(local.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("link-dir"), outside);
        Files.createSymbolicLink(root.resolve("link-file"), outside.resolve("secret"));
        Files.writeString(root.resolve("ok.txt"), "ok");
        List<String> names = List.of("../outside/secret", "/etc/passwd", "a/../../outside/secret", "..", ".",
                "link-dir/secret", "link-file", "ok.txt/..", "sub//x", "a\0b", "a\\..\\b", "x".repeat(1_025));
        try (RawClient raw = new RawClient()) {
            for (String name : names) {
                raw.send(new FileMessage.GetRequest(name, 0));
                assertEquals(ErrorCode.BAD_NAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code(),
                        "GET " + name);
                raw.send(new FileMessage.HashRequest(name));
                assertEquals(ErrorCode.BAD_NAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code(),
                        "HASH " + name);
            }
            raw.send(new FileMessage.PutRequest("../escaped", 1, new Sha256(new byte[32])));
            assertEquals(ErrorCode.BAD_NAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code());
            raw.send(new FileMessage.PutRequest("link-dir/planted", 1, new Sha256(new byte[32])));
            assertEquals(ErrorCode.BAD_NAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code());
            raw.send(new FileMessage.ListRequest(""));
            FileMessage.Listing listing = assertInstanceOf(FileMessage.Listing.class, raw.answer());
            assertEquals(List.of(new FileMessage.Entry("ok.txt", FileMessage.Kind.FILE, 2)), listing.entries(),
                    "links are not listed, and the connection still works");
        }
        assertFalse(Files.exists(local.resolve("escaped")));
        assertFalse(Files.exists(outside.resolve("planted")));
    }

    @Test
    void aBrokenUploadLeavesNoFileBehind() throws Exception {
        try (RawClient raw = new RawClient()) {
            raw.send(new FileMessage.PutRequest("broken.bin", 4 * MIB, new Sha256(new byte[32])));
            assertEquals(new FileMessage.Ready(4 * MIB), raw.answer());
            raw.out.write(new byte[(int) MIB]);
            raw.out.flush();
        }   // the client goes away a quarter into the upload
        Poll.untilEquals("connections of the broken upload", 0L, () -> server.metrics().active());
        assertEquals(List.of(), listRoot(), "neither the file nor its temporary file is left");
    }

    @Test
    void anUploadWithTheWrongHashIsRefusedAndTheConnectionStaysUsable() throws IOException {
        try (RawClient raw = new RawClient()) {
            raw.send(new FileMessage.PutRequest("wrong.bin", 3, new Sha256(new byte[32])));
            assertEquals(new FileMessage.Ready(3), raw.answer());
            raw.out.write("abc".getBytes(StandardCharsets.US_ASCII));
            raw.out.flush();
            FileMessage.Error error = assertInstanceOf(FileMessage.Error.class, raw.answer());
            assertEquals(ErrorCode.HASH_MISMATCH, error.code());
            assertTrue(error.message().contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                    error.message());
            raw.send(new FileMessage.ListRequest(""));
            assertEquals(new FileMessage.Listing(false, List.of()), raw.answer());
        }
        assertEquals(List.of(), listRoot());
    }

    @Test
    void limitsAndBadRequestsAreAnsweredWithoutLosingTheConnection() throws IOException {
        Files.writeString(root.resolve("small.txt"), "12345");
        try (RawClient raw = new RawClient()) {
            raw.send(new FileMessage.PutRequest("huge.bin", 65 * MIB, new Sha256(new byte[32])));
            FileMessage.Error tooLarge = assertInstanceOf(FileMessage.Error.class, raw.answer());
            assertEquals(new FileMessage.Error(ErrorCode.TOO_LARGE,
                    "upload size (68157440 bytes) exceeds the allowed maximum (67108864)"), tooLarge);
            raw.send(new FileMessage.GetRequest("small.txt", 6));
            assertEquals(new FileMessage.Error(ErrorCode.BAD_OFFSET,
                    "offset (6) is beyond the end of small.txt (5 bytes)"), raw.answer());
            raw.send(new FileMessage.GetRequest("missing.txt", 0));
            assertEquals(ErrorCode.NOT_FOUND, assertInstanceOf(FileMessage.Error.class, raw.answer()).code());
            raw.send(new FileMessage.Ready(1));
            assertEquals(ErrorCode.BAD_FRAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code());
            raw.out.write(new byte[] {0, 0, 0, 1, 0x42});
            assertEquals(ErrorCode.BAD_FRAME, assertInstanceOf(FileMessage.Error.class, raw.answer()).code());
            raw.send(new FileMessage.GetRequest("small.txt", 2));
            assertEquals(new FileMessage.Data(5, 2, 3), raw.answer());
            assertArrayEquals("345".getBytes(StandardCharsets.US_ASCII), raw.in.readNBytes(3));
        }
    }

    @Test
    void aFrameOverTheLimitIsAnsweredAndTheConnectionClosed() throws IOException {
        try (RawClient raw = new RawClient()) {
            raw.out.write(new byte[] {0x7f, 0, 0, 0});
            raw.out.flush();
            FileMessage.Error error = assertInstanceOf(FileMessage.Error.class, raw.answer());
            assertEquals(ErrorCode.TOO_LARGE, error.code());
            assertEquals(-1, raw.in.read());
        }
    }

    @Test
    void theClientMainPrintsTheSha256ItVerified() throws IOException {
        Path source = sparseFile(root.resolve("cli.bin"), 2 * MIB, 5);
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int status = FilesClientMain.run(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                "get", "cli.bin", local.resolve("cli.bin").toString()},
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("SHA-256 verified: " + Sha256.ofFile(source, 1 << 20).hex()), out.toString());
        assertEquals(2, FilesClientMain.run(new String[] {"fetch"}, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true)));
    }

    private List<Path> listRoot() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.toList();
        }
    }

    /** A client speaking frames by hand, for what {@link FilesClient} would never send. */
    private final class RawClient implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        RawClient() throws IOException {
            socket = new Socket(server.localAddress().getAddress(), server.port());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(FileMessage message) throws IOException {
            out.write(FileProtocol.encode(message));
            out.flush();
        }

        FileMessage answer() throws IOException {
            return FileProtocol.decode(FileProtocol.readFrame(in, 1 << 20));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
