package dev.weft.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * An HTTP server as the extension sees one — {@code start()}, {@code close()}, {@code uri(String)}
 * — on the JDK's own server, since this module cannot depend on Weft's. It answers every request
 * with a JSON description of it; {@code /status/N} answers status N, {@code /latin1} Latin-1 text.
 */
public final class JdkHttpServer implements AutoCloseable {

    private HttpServer server;

    /** Listens on an ephemeral loopback port. */
    public JdkHttpServer start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:port} + {@code path}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        byte[] answer;
        int status = 200;
        if (path.startsWith("/status/")) {
            status = Integer.parseInt(path.substring("/status/".length()));
            answer = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        } else if (path.equals("/latin1")) {
            answer = "café".getBytes(StandardCharsets.ISO_8859_1);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=ISO-8859-1");
        } else {
            answer = ("{\"method\": \"" + exchange.getRequestMethod() + "\", \"path\": \"" + path
                    + "\", \"query\": \"" + exchange.getRequestURI().getRawQuery()
                    + "\", \"type\": \"" + exchange.getRequestHeaders().getFirst("Content-Type")
                    + "\", \"token\": \"" + exchange.getRequestHeaders().getFirst("X-Token")
                    + "\", \"body\": \"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Served-By", "jdk");
            exchange.getResponseHeaders().add("X-Served-By", "test");
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
