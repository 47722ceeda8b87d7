package dev.weft.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.PinningRecorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every engine speaks the same echo protocol and, where it has HTTP, puts the same bytes on the wire. */
@ExtendWith(PinningRecorder.class)
class EngineProtocolTest {

    private static final String GET_HELLO = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        assertEquals(length, bytes.length, "stream ended early");
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void echoesEveryByteBackInOrder(EngineKind kind) throws IOException {
        engine = kind.start(EngineOptions.LOOPBACK_EPHEMERAL);
        try (Socket socket = connect(engine.echoPort())) {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int size : new int[] {1, 64, 5_000, 100_000}) {
                byte[] message = new byte[size];
                for (int i = 0; i < size; i++) {
                    message[i] = (byte) (i * 31 + size);
                }
                sent.write(message);
                out.write(message);
                out.flush();
                assertArrayEquals(message, readExactly(socket.getInputStream(), size), kind + " size " + size);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void answersHelloWithTheSameBytesAsEveryOtherEngine(EngineKind kind) throws IOException {
        byte[] expected = HelloResponse.ok();
        try (Socket socket = connectToHttpOf(kind)) {
            socket.getOutputStream().write(GET_HELLO.getBytes(StandardCharsets.US_ASCII));
            assertEquals(withoutDate(expected), withoutDate(readExactly(socket.getInputStream(), expected.length)));
        }
    }

    /** Starts {@code kind} and connects to its HTTP server, which every engine must have. */
    private Socket connectToHttpOf(EngineKind kind) throws IOException {
        engine = kind.start(EngineOptions.LOOPBACK_EPHEMERAL);
        assertTrue(engine.httpPort().isPresent(), kind + " serves HTTP");
        return connect(engine.httpPort().getAsInt());
    }

    /** The response with its Date value masked: the second may turn between two readings. */
    private static String withoutDate(byte[] response) {
        return new String(response, StandardCharsets.US_ASCII).replaceFirst("Date: [^\\r]*\\r\\n", "Date: *\\r\\n");
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void answersPipelinedAndSplitRequestsInOrder(EngineKind kind) throws IOException {
        byte[] ok = HelloResponse.ok();
        byte[] notFound = HelloResponse.notFound();
        try (Socket socket = connectToHttpOf(kind)) {
            OutputStream out = socket.getOutputStream();
            String pipeline = GET_HELLO + "GET /other HTTP/1.1\r\nHost: x\r\n\r\n" + GET_HELLO;
            out.write(pipeline.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertEquals(withoutDate(ok), withoutDate(readExactly(in, ok.length)));
            assertEquals(withoutDate(notFound), withoutDate(readExactly(in, notFound.length)));
            assertEquals(withoutDate(ok), withoutDate(readExactly(in, ok.length)));
            // one request head split over two writes
            out.write("GET /hello HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write("st: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(withoutDate(ok), withoutDate(readExactly(in, ok.length)));
        }
    }
}
