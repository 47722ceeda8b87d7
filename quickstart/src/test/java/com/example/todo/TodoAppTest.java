package com.example.todo;

import dev.weft.http.HttpApp;
import dev.weft.testing.HttpTestClient;
import dev.weft.testing.ServerExtension;
import dev.weft.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class TodoAppTest {

    @TestServer
    final HttpApp app = TodoApp.create("127.0.0.1", 0, 0);

    @Test
    void todosAreCreatedListedFilteredFetchedAndDeleted(HttpTestClient client) {
        client.postJson("/todos", "{\"title\": \"milk\"}")
                .assertStatus(201)
                .assertHeader("Location", "/todos/1")
                .assertJson("{\"id\": 1, \"title\": \"milk\", \"done\": false}");
        client.postJson("/todos", "{\"title\": \"bread\", \"done\": true}").assertStatus(201);
        client.get("/todos?done=true").assertStatus(200).assertJson("[{\"id\": 2, \"title\": \"bread\", \"done\": true}]");
        client.get("/todos/1").assertStatus(200).assertJson("{\"id\": 1, \"title\": \"milk\", \"done\": false}");
        client.delete("/todos/1").assertStatus(204);
        client.get("/todos/1").assertStatus(404).assertJson("{\"error\": \"no todo 1\"}");
        client.postJson("/todos", "{\"title\": \"\"}").assertStatus(400).assertBodyContains("title must not be blank");
        client.get("/todos/one").assertStatus(400);
        client.get("/").assertStatus(200).assertBodyContains("<h1>Todos</h1>");
        client.get("/health").assertStatus(200);
        client.get("/metrics").assertStatus(200)
                .assertBodyContains("http_server_requests_seconds_count{method=\"POST\",route=\"/todos\",status=\"201\"}")
                .assertBodyContains("weft_server_connections_accepted_total{server=\"lines\"} 0");
    }
}
