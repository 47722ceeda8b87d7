package dev.weft.samples.chat;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.RoomsCluster;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.Status;
import java.util.Optional;

/**
 * The chat application's HTTP routes, each contributed to the HTTP server's set (the web chat's
 * page and socket join them there). Public so that every sample running the chat serves the same.
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
}
