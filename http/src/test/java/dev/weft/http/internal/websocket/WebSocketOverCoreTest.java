package dev.weft.http.internal.websocket;

import static dev.weft.http.internal.websocket.ClientFrames.close;
import static dev.weft.http.internal.websocket.ClientFrames.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.BufferedInput;
import dev.weft.core.Connection;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.websocket.Message;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import dev.weft.http.websocket.WebSocketEndpoint;
import dev.weft.testing.PinningRecorder;
import dev.weft.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions on core's own connections, the way the HTTP server will run them: the connection's
 * thread reads the head, answers {@code 101} and runs the session over a
 * {@link ConnectionUpgrade}; the server's write timeout and stop apply.
 */
@ExtendWith(PinningRecorder.class)
class WebSocketOverCoreTest {

    private static final WebSocketConfig CONFIG = WebSocketConfig.builder().origins(OriginPolicy.any())
            .closeTimeout(Duration.ofSeconds(2)).build();
    private final WebSocketSessions sessions = new WebSocketSessions("core-test");
    private final WebSocketEndpoint echo = session -> {
        Message message;
        while ((message = session.receive()) != null) {
            session.send(message);
        }
    };
    private TcpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TcpServer(TcpServerConfig.loopback(0), this::upgrade).start();
    }

    @AfterEach
    void stop() {
        sessions.goingAway();
        server.stop(Duration.ofSeconds(5));
        sessions.close();
    }

    /** A minimal HTTP/1.1 head reader standing in for the connection loop. */
    private void upgrade(Connection connection) throws IOException {
        BufferedInput input = new BufferedInput(connection);
        String[] requestLine = input.readLine(8192).split(" ");
        Headers.Builder headers = Headers.builder();
        for (String line; !(line = input.readLine(8192)).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        Request request = new Request(Method.valueOf(requestLine[0]), requestLine[1], requestLine[1], "", requestLine[2],
                headers.build(), Map.of(), InputStream.nullInputStream(), connection.remoteAddress());
        if (WebSocketSessions.handshake(request, CONFIG) instanceof HandshakeOutcome.Accepted accepted) {
            connection.write(accepted.responseHead());
            byte[] alreadyRead = input.readNBytes(input.available());
            sessions.serve(connection.toString(), new ConnectionUpgrade(connection), alreadyRead, request, accepted,
                    CONFIG, echo);
        }
    }

    @Test
    void echoesAndClosesOnACoreConnection() throws Exception {
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("over core"));
            assertEquals("over core", client.read().text());
            client.send(close(1000, "done"));
            client.expectCloseThenEnd(1000);
        }
        Poll.untilEqual("ended sessions", 1, () -> sessions.counters().ended.sum());
    }

    @Test
    void aStoppingServerSaysGoingAwayFirst() throws Exception {
        try (RawClient client = RawClient.connect(server.port(), "/echo")) {
            client.send(text("hi"));
            assertEquals("hi", client.read().text());
            sessions.goingAway();
            assertEquals(1001, client.read().closeCode());
            client.send(close(1001, ""));
            client.expectEnd();
        }
    }
}
