package com.example.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

class TodoAppTest {

    @Test
    void todosAreCreatedListedFilteredFetchedAndDeleted() throws Exception {
        JavalinTest.test(TodoApp.create("127.0.0.1", 0), (server, client) -> {
            var created = client.post("/todos", "{\"title\": \"milk\"}");
            assertEquals(201, created.code());
            assertEquals("/todos/1", created.header("Location"));
            assertEquals("{\"id\":1,\"title\":\"milk\",\"done\":false}", created.body().string());
            assertEquals(201, client.post("/todos", "{\"title\": \"bread\", \"done\": true}").code());
            assertEquals("[{\"id\":2,\"title\":\"bread\",\"done\":true}]", client.get("/todos?done=true").body().string());
            assertEquals(204, client.delete("/todos/1").code());
            var missing = client.get("/todos/1");
            assertEquals(404, missing.code());
            assertEquals("{\"error\":\"no todo 1\"}", missing.body().string());
            assertEquals(400, client.post("/todos", "{\"title\": \"\"}").code());
            assertEquals(400, client.get("/todos/one").code());
            assertTrue(client.get("/").body().string().contains("<h1>Todos</h1>"));
            assertEquals(200, client.get("/health").code());
            String metrics = client.get("/metrics").body().string();
            assertTrue(metrics.contains("jetty_server_requests_seconds_count"), metrics);
        });
    }
}
