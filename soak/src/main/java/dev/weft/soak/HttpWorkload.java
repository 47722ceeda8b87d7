package dev.weft.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.1 client of the sample routes, in turn: {@code GET /hello} and {@code POST /echo} over
 * the JDK client's kept-alive connections, and a {@code GET /hello} on a fresh socket with
 * {@code Connection: close}, read to the end of the stream — so both keep-alive reuse and
 * connection churn run, and a response cut short is caught.
 */
final class HttpWorkload implements Workload {

    static final String HELLO = "Hello, World!";

    private final InetSocketAddress server;
    private final Duration timeout;
    private final String id;
    private HttpClient client;

    HttpWorkload(InetSocketAddress server, Duration timeout, int worker) {
        this.server = server;
        this.timeout = timeout;
        this.id = "http-" + worker;
    }

    @Override
    public void exchange(long sequence) throws Exception {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        }
        switch ((int) (sequence % 3)) {
            case 0 -> expect(200, HELLO, client.send(request("/hello").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
            case 1 -> {
                String body = id + " " + sequence + " " + "payload ".repeat(16);
                expect(200, body, client.send(request("/echo").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            default -> closingRequest();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + server.getHostString() + ":" + server.getPort() + path))
                .timeout(timeout);
    }

    private static void expect(int status, String body, HttpResponse<String> response) throws WrongAnswerException {
        WrongAnswerException.check("status", status, response.statusCode());
        WrongAnswerException.check("body", body, response.body());
    }

    private void closingRequest() throws IOException, WrongAnswerException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(("GET /hello HTTP/1.1\r\nHost: " + server.getHostString()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            WrongAnswerException.check("status line", "HTTP/1.1 200 OK", response.lines().findFirst().orElse(""));
            WrongAnswerException.check("body after Connection: close", true, response.endsWith("\r\n\r\n" + HELLO));
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
