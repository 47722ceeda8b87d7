package com.example.todo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.todo.Todos.NewTodo;
import com.example.todo.Todos.NoSuchTodo;
import com.example.todo.Todos.Todo;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The same todo service on Javalin 6, with a hand-written TCP line service. */
public final class TodoApp {

    private static final Logger log = LoggerFactory.getLogger(TodoApp.class);

    private TodoApp() {
    }

    /** The service on {@code host}; lines on {@code linePort} (0: any free port). Start it with app.start(port). */
    public static Javalin create(String host, int linePort) throws IOException {
        Todos todos = new Todos();
        Set<PrintWriter> clients = ConcurrentHashMap.newKeySet();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServerSocket lines = new ServerSocket(linePort, 50, InetAddress.getByName(host));
        Gauge.builder("lines.clients", clients, Set::size).register(meters);
        Javalin app = Javalin.create(config -> {
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.registerPlugin(new MicrometerPlugin(micrometer -> micrometer.registry = meters));
            config.requestLogger.http((ctx, ms) -> log.info("{} {} {} {} {}ms", ctx.ip(), ctx.method(), ctx.path(),
                    ctx.status().getCode(), ms));
            config.jetty.defaultHost = host;
        });
        app.events(events -> {
            events.serverStarted(() -> Thread.ofVirtual().start(() -> acceptLines(lines, todos, clients)));
            events.serverStopped(lines::close);
        });
        app.get("/todos", ctx -> ctx.json(todos.list(Optional.ofNullable(
                ctx.queryParamAsClass("done", Boolean.class).allowNullable().get()))));
        app.get("/todos/{id}", ctx -> ctx.json(todos.find(ctx.pathParamAsClass("id", Long.class).get())));
        app.post("/todos", ctx -> {
            Todo todo = todos.add(ctx.bodyValidator(NewTodo.class).get());
            clients.forEach(client -> client.println("new todo: " + todo.title()));
            ctx.status(HttpStatus.CREATED).header("Location", "/todos/" + todo.id()).json(todo);
        });
        app.delete("/todos/{id}", ctx -> {
            todos.remove(ctx.pathParamAsClass("id", Long.class).get());
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.exception(NoSuchTodo.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage())));
        app.get("/health", ctx -> ctx.status(lines.isClosed() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                .json(Map.of("status", lines.isClosed() ? "DOWN" : "UP")));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
        return app;
    }

    private static void acceptLines(ServerSocket lines, Todos todos, Set<PrintWriter> clients) {
        while (!lines.isClosed()) {
            try {
                Socket socket = lines.accept();
                Thread.ofVirtual().start(() -> serveLines(socket, todos, clients));
            } catch (IOException e) {
                log.debug("line service stopped: {}", e.toString());
            }
        }
    }

    private static void serveLines(Socket socket, Todos todos, Set<PrintWriter> clients) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8))) {
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, UTF_8);
            clients.add(out);
            try {
                while (in.readLine() != null) {
                    out.println(todos.size() + " todos");
                }
            } finally {
                clients.remove(out);
            }
        } catch (IOException e) {
            log.debug("line client gone: {}", e.toString());
        }
    }

    /** Serves HTTP on port 8080 and lines on 7070 until stopped. */
    public static void main(String[] args) throws IOException {
        create("0.0.0.0", 7070).start(8080);
    }
}
