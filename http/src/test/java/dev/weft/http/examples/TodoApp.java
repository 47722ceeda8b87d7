package dev.weft.http.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.core.BufferedInput;
import dev.weft.core.ClientRegistry;
import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.http.HttpApp;
import dev.weft.http.HttpServer;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.files.ClassPathFiles;
import dev.weft.http.filters.AccessLogFilter;
import dev.weft.http.filters.CompressionFilter;
import dev.weft.http.filters.RequestIdFilter;
import dev.weft.http.health.HealthStatus;
import dev.weft.http.health.NamedCheck;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 11's measure of an application: a JSON todo service (list with a {@code ?done=} filter,
 * get, create from a JSON body, delete), a static page from the jar, {@code /health},
 * {@code /metrics}, and a TCP line service sharing the client registry — told of every new todo,
 * and answering any line with the number of todos. Compiled by the build and run by
 * {@code TodoAppTest}. JSON goes through {@link TinyJsonCodec} until {@code weft-jackson} exists.
 */
public final class TodoApp {

    // ---- Domain (not counted): the todos and their store. ----

    /** A todo. */
    record Todo(long id, String title, boolean done) {
    }

    /** The body of {@code POST /todos}. */
    record NewTodo(String title, boolean done) {
    }

    /** No todo has the id asked for. */
    static final class NoSuchTodo extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchTodo(long id) {
            super("no todo " + id);
        }
    }

    /** The todos, in memory, by id. */
    static final class Todos {
        private final Map<Long, Todo> byId = new ConcurrentSkipListMap<>();
        private final AtomicLong ids = new AtomicLong();

        List<Todo> list(Optional<Boolean> done) {
            return byId.values().stream().filter(todo -> done.map(d -> todo.done() == d).orElse(true)).toList();
        }

        Todo find(long id) {
            Todo todo = byId.get(id);
            if (todo == null) {
                throw new NoSuchTodo(id);
            }
            return todo;
        }

        Todo add(NewTodo wanted) {
            Todo todo = new Todo(ids.incrementAndGet(), wanted.title(), wanted.done());
            byId.put(todo.id(), todo);
            return todo;
        }

        void remove(long id) {
            if (byId.remove(id) == null) {
                throw new NoSuchTodo(id);
            }
        }
    }

    // ---- The application (counted). ----

    /** The two running servers. */
    public record Running(HttpServer http, TcpServer lines) implements AutoCloseable {
        @Override
        public void close() {
            http.close();
            lines.close();
        }
    }

    private TodoApp() {
    }

    /** Starts the HTTP service on {@code httpPort} and the line service on {@code tcpPort} (0: ephemeral). */
    public static Running start(int httpPort, int tcpPort) throws IOException {
        Todos todos = new Todos();
        ClientRegistry registry = ClientRegistry.create();
        TcpServer lines = new TcpServer(TcpServerConfig.builder().port(tcpPort).build(), connection -> {
            connection.client(); // a broadcast target: hears of every new todo
            BufferedInput in = new BufferedInput(connection);
            while (in.readLine(1024) != null) {
                connection.write((todos.list(Optional.empty()).size() + " todos\n").getBytes(UTF_8));
            }
        }, registry).start();
        HttpApp app = HttpApp.create().registry(registry).json(new TinyJsonCodec())
                .filter(new RequestIdFilter()).filter(new AccessLogFilter()).filter(new CompressionFilter());
        app.get("/todos", request -> Response.json(todos.list(request.queryParameter("done", Boolean.class))))
                .get("/todos/{id}", request -> Response.json(todos.find(request.pathParameter("id", Long.class))))
                .post("/todos", request -> {
                    Todo todo = todos.add(request.body(NewTodo.class));
                    registry.broadcast(("new todo: " + todo.title() + "\n").getBytes(UTF_8), client -> true);
                    return Response.json(Status.CREATED_201, todo).withHeader("Location", "/todos/" + todo.id());
                })
                .delete("/todos/{id}", request -> {
                    todos.remove(request.pathParameter("id", Long.class));
                    return Response.of(Status.NO_CONTENT_204);
                })
                .exception(NoSuchTodo.class, (e, request) -> Response.json(Status.NOT_FOUND_404,
                        Map.of("error", e.getMessage())))
                .staticFiles("/", ClassPathFiles.of("public"))
                .health(NamedCheck.readiness("lines", () -> lines.isRunning() ? HealthStatus.up()
                        : HealthStatus.down("line service stopped")))
                .get("/metrics", request -> Response.json(Map.of("http", app.server().metrics(),
                        "tcp", lines.metrics(), "clients", registry.size())));
        return new Running(app.start(httpPort), lines);
    }

    /** Runs the service on ports 8080 (HTTP) and 7070 (lines) until the JVM is stopped. */
    public static void main(String[] args) throws Exception {
        Running running = start(8080, 7070);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        running.http().awaitStop();
    }
}
