package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import dev.weft.testing.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(PinningRecorder.class)
class TcpServerEchoTest {

    private static final int PAYLOAD_BYTES = 1 << 20;

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();

    /** Echoes in reads of whatever size arrives, writing each back before reading on. */
    static final ConnectionHandler ECHO = connection -> {
        byte[] buffer = new byte[4_096];
        int n;
        while ((n = connection.read(buffer, 0, buffer.length)) > 0) {
            connection.write(buffer, 0, n);
        }
        connection.shutdownOutput();
    };

    /** Echoes through a 1,000-byte read buffer and a 700-byte write buffer, in 333-byte steps. */
    static final ConnectionHandler BUFFERED_ECHO = connection -> {
        BufferedInput in = new BufferedInput(connection, 1_000);
        BufferedOutput out = new BufferedOutput(connection, 700);
        byte[] step = new byte[333];
        int n;
        while ((n = in.read(step, 0, step.length)) > 0) {
            out.write(step, 0, n);
            if (in.available() == 0) {
                out.flush();
            }
        }
        out.flush();
        connection.shutdownOutput();
    };

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#withThreadModes")
    void echoesOneMebibyteWrittenInRandomChunkSizes(ThreadMode mode, SocketIo io) throws Exception {
        echoesOneMebibyte(mode, io, ECHO);
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#withThreadModes")
    void echoesOneMebibyteThroughOddlySizedBuffers(ThreadMode mode, SocketIo io) throws Exception {
        echoesOneMebibyte(mode, io, BUFFERED_ECHO);
    }

    private void echoesOneMebibyte(ThreadMode mode, SocketIo io, ConnectionHandler echo) throws Exception {
        TcpServer server = servers.start(new TcpServer(
                TcpServerConfig.loopback(0).toBuilder().threadMode(mode).socketIo(io).build(), echo));
        assertEquals(io, server.socketIo());
        byte[] payload = new byte[PAYLOAD_BYTES];
        Random random = new Random(42);
        random.nextBytes(payload);

        try (Socket socket = new Socket("127.0.0.1", server.port());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            Future<byte[]> received = threads.submit(() -> readAll(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            for (int offset = 0; offset < payload.length; ) {
                int chunk = Math.min(payload.length - offset, 1 + random.nextInt(20_000));
                out.write(payload, offset, chunk);
                offset += chunk;
            }
            socket.shutdownOutput();
            assertArrayEquals(payload, received.get(30, TimeUnit.SECONDS));
        }
        Poll.untilEquals("bytes read by the server", (long) PAYLOAD_BYTES, () -> server.metrics().bytesRead());
        Poll.untilEquals("bytes written by the server", (long) PAYLOAD_BYTES, () -> server.metrics().bytesWritten());
        Poll.untilEquals("closed connections", 1L, () -> server.metrics().closed());
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#withThreadModes")
    void aZeroCopyTransferSendsTheFileAfterBytesWrittenBeforeIt(ThreadMode mode, SocketIo io) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("weft", ".bin");
        try {
            byte[] content = new byte[300_000];
            new Random(7).nextBytes(content);
            java.nio.file.Files.write(file, content);
            TcpServerConfig config = TcpServerConfig.loopback(0).toBuilder().threadMode(mode).socketIo(io).build();
            TcpServer server = servers.start(new TcpServer(config, c -> {
                c.write("HEAD".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                try (var channel = java.nio.channels.FileChannel.open(file)) {
                    assertEquals(content.length, c.transferFrom(channel, 0, channel.size()));
                }
                c.shutdownOutput();
            }));
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
                byte[] all = readAll(socket.getInputStream());
                assertEquals("HEAD", new String(all, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
                assertArrayEquals(content, java.util.Arrays.copyOfRange(all, 4, all.length));
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 + new Random().nextInt(9_000)];
        int n;
        while ((n = in.read(buffer)) > 0) {
            all.write(buffer, 0, n);
        }
        return all.toByteArray();
    }
}
