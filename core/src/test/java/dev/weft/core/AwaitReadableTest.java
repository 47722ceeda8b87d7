package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Connection#awaitReadable()}: on the epoll engine a thread waits for data without
 * reading (so it holds no buffer), and the read after it gets the data; on the JDK's sockets it
 * returns at once and the read waits instead. Either way the read timeout and the peer's end
 * behave as for a read.
 */
@ExtendWith(PinningRecorder.class)
class AwaitReadableTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TcpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TcpServer start(SocketIo io, Duration idleTimeout, ConnectionHandler handler) throws IOException {
        server = new TcpServer(TcpServerConfig.loopback(0).toBuilder().socketIo(io).idleTimeout(idleTimeout).build(),
                handler).start();
        return server;
    }

    /** Reads one byte and writes it back. */
    private static int echoOne(Connection connection) throws IOException {
        byte[] one = new byte[16];
        int n = connection.read(one, 0, one.length);
        if (n > 0) {
            connection.write(one, 0, n);
        }
        return n;
    }

    private static int roundTrip(Socket client, int value) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(value);
        out.flush();
        return client.getInputStream().read();
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void aThreadWaitsForTheNextBytesAndTheReadAfterItGetsThem(SocketIo io) throws Exception {
        AtomicInteger waitsEnded = new AtomicInteger();
        BlockingQueue<Thread> handlers = new ArrayBlockingQueue<>(1);
        start(io, TIMEOUT, connection -> {
            handlers.add(Thread.currentThread());
            do {
                connection.awaitReadable();
                waitsEnded.incrementAndGet();
            } while (echoOne(connection) > 0);
        });
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            assertEquals('a', roundTrip(client, 'a'));
            Thread handler = handlers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Poll.until("the handler to wait", () -> handler.getState() == Thread.State.WAITING);
            // epoll: parked in awaitReadable, which has not returned again; JDK: it returned, parked in read
            assertEquals(io == SocketIo.EPOLL ? 1 : 2, waitsEnded.get(), io.toString());
            assertEquals('b', roundTrip(client, 'b'));
            assertEquals('c', roundTrip(client, 'c'));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void theWaitEndsAtThePeersEndAndTheReadThenSeesTheEnd(SocketIo io) throws Exception {
        BlockingQueue<Integer> lastRead = new ArrayBlockingQueue<>(1);
        start(io, TIMEOUT, connection -> {
            echoOne(connection);
            connection.awaitReadable();
            lastRead.add(connection.read(new byte[16], 0, 16));
        });
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            assertEquals('a', roundTrip(client, 'a'));
            client.shutdownOutput();
            assertEquals(-1, lastRead.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(-1, client.getInputStream().read());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.weft.core.SocketIos#available")
    void aWaitLongerThanTheReadTimeoutFailsAsATimeoutAndClosesTheConnection(SocketIo io) throws Exception {
        BlockingQueue<Throwable> outcome = new ArrayBlockingQueue<>(1);
        start(io, Duration.ofMillis(200), connection -> {
            echoOne(connection);
            try {
                connection.awaitReadable();
                connection.read(new byte[16], 0, 16);
                outcome.add(new AssertionError("the wait and the read returned"));
            } catch (IOException e) {
                outcome.add(e);
            }
        });
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            assertEquals('a', roundTrip(client, 'a'));
            InputStream in = client.getInputStream();
            assertEquals(-1, in.read(), "the server did not close the idle connection");
        }
        assertInstanceOf(SocketTimeoutException.class, outcome.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        Poll.untilEquals("idle timeouts", 1L, () -> server.metrics().idleTimeouts());
    }
}
