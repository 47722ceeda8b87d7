package com.example.todo;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.todo.Todos.NewTodo;
import com.example.todo.Todos.NoSuchTodo;
import com.example.todo.Todos.Todo;
import dev.weft.core.BufferedInput;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.http.HttpApp;
import dev.weft.http.HttpServerConfig;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.files.ClassPathFiles;
import dev.weft.http.filters.AccessLogFilter;
import dev.weft.http.health.HealthStatus;
import dev.weft.http.health.NamedCheck;
import dev.weft.micrometer.PrometheusHandler;
import dev.weft.micrometer.RequestMetricsFilter;
import dev.weft.micrometer.WeftMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * A todo service: JSON over HTTP (list with a {@code ?done=} filter, get, create, delete), a page
 * from the jar, {@code /health}, {@code /metrics} for Prometheus, and a TCP line service on the same
 * client registry that hears of every new todo and answers any line with the number of todos.
 */
public final class TodoApp {

    private TodoApp() {
    }

    /**
     * The service, not started yet.
     *
     * @param host     the address to listen on
     * @param httpPort the HTTP port; 0 for any free port
     * @param linePort the line service's port; 0 for any free port
     * @return the app: {@code start()} it, {@code close()} it
     */
    public static HttpApp create(String host, int httpPort, int linePort) {
        Todos todos = new Todos();
        ClientRegistry clients = ClientRegistry.create();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TcpServer lines = new TcpServer(TcpServerConfig.builder().name("lines").host(host).port(linePort).build(),
                connection -> {
                    connection.client(); // joins the registry, so it hears of new todos
                    BufferedInput in = new BufferedInput(connection);
                    while (in.readLine(1024) != null) {
                        connection.write((todos.size() + " todos\n").getBytes(UTF_8));
                    }
                }, clients);
        HttpApp app = HttpApp.create()
                .config(HttpServerConfig.builder().host(host).port(httpPort).build())
                .registry(clients)
                .alsoServe(lines)
                .filter(new RequestMetricsFilter(meters))
                .filter(new AccessLogFilter())
                .get("/todos", request -> Response.json(todos.list(request.queryParameter("done", Boolean.class))))
                .get("/todos/{id}", request -> Response.json(todos.find(request.pathParameter("id", Long.class))))
                .post("/todos", request -> {
                    Todo todo = todos.add(request.body(NewTodo.class));
                    clients.broadcast(("new todo: " + todo.title() + "\n").getBytes(UTF_8), client -> true);
                    return Response.json(Status.CREATED_201, todo).withHeader("Location", "/todos/" + todo.id());
                })
                .delete("/todos/{id}", request -> {
                    todos.remove(request.pathParameter("id", Long.class));
                    return Response.of(Status.NO_CONTENT_204);
                })
                .exception(NoSuchTodo.class, (e, request) ->
                        Response.json(Status.NOT_FOUND_404, Map.of("error", e.getMessage())))
                .staticFiles("/", ClassPathFiles.of("public"))
                .health(NamedCheck.readiness("lines", () ->
                        lines.isRunning() ? HealthStatus.up() : HealthStatus.down("line service stopped")))
                .get("/metrics", new PrometheusHandler(meters));
        WeftMeters.on(meters).clients(clients).server("lines", lines::metrics)
                .server("http", () -> app.server().metrics());
        return app;
    }

    /**
     * Serves HTTP on port 8080 and lines on 7070 until stopped.
     *
     * @param args none
     * @throws Exception when a port is taken
     */
    public static void main(String[] args) throws Exception {
        create("0.0.0.0", 8080, 7070).start().awaitStop();
    }
}
