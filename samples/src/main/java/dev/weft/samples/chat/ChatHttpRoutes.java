package dev.weft.samples.chat;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsCluster;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import dev.weft.http.files.ClassPathFiles;
import java.util.Optional;

/**
 * The chat application's HTTP routes, each contributed to the HTTP server's set: the health check,
 * and the web chat — its page and its WebSocket. Public so that every sample running the chat
 * serves the same.
 */
@Module
public interface ChatHttpRoutes {

    /**
     * {@code GET /health}, for load balancers: {@code 200} when the rooms are on their own or
     * linked to their cluster ({@code redis: connected}), {@code 503} while the cluster cannot be
     * reached ({@code redis: unreachable}) — the instance still serves its own rooms, but new
     * clients are better sent to an instance that reaches the others. Never waits for Redis.
     */
    @Provides
    @IntoSet
    static Route health(ChatRooms rooms) {
        return Route.get("/health", request -> {
            Optional<RoomsCluster> cluster = rooms.cluster();
            if (cluster.isEmpty()) {
                return Response.text(Status.OK_200, "ok\nredis: not configured\n");
            }
            String instance = "instance: " + cluster.get().instanceName() + "\n";
            return cluster.get().connected()
                    ? Response.text(Status.OK_200, "ok\nredis: connected\n" + instance)
                    : Response.text(Status.SERVICE_UNAVAILABLE_503, "unavailable\nredis: unreachable\n" + instance);
        });
    }

    /**
     * {@code GET /chat}: the web chat's page (plain HTML and JavaScript from the class path, no
     * build step, nothing fetched from elsewhere), which speaks to {@link #webChat /ws/chat} on the
     * server it came from ({@code ws:} or {@code wss:} as the page's own scheme).
     */
    @Provides
    @IntoSet
    static Route chatPage() {
        return Route.get("/chat", ClassPathFiles.of(ChatHttpRoutes.class.getClassLoader(), "dev/weft/samples/chat/web"));
    }

    /** {@code GET /ws/chat}: the chat's line protocol over WebSocket; see {@link ChatWebSocket}. */
    @Provides
    @IntoSet
    static Route webChat(ChatWebSocket endpoint) {
        return Route.websocket("/ws/chat", endpoint.webSocketConfig(), endpoint);
    }
}
