package dev.weft.core.rooms;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attached {@link RoomsCluster} as {@link ChatRooms} calls it: a call that throws is a bug of
 * the cluster's, logged at ERROR, and answered as if the cluster were unreachable, so a broken
 * extension cannot break the local rooms.
 */
final class ClusterLink {

    private static final Logger log = LoggerFactory.getLogger(ClusterLink.class);

    private final RoomsCluster cluster;

    ClusterLink(RoomsCluster cluster) {
        this.cluster = cluster;
    }

    RoomsCluster cluster() {
        return cluster;
    }

    String instanceName() {
        return cluster.instanceName();
    }

    NicknameClaim claim(Place place) {
        try {
            return cluster.claim(place.room(), place.nickname());
        } catch (RuntimeException e) {
            log.error("{} failed to claim {} in {}: granted on local uniqueness", cluster, place.nickname(),
                    place.room(), e);
            return new NicknameClaim.Unverified("the cluster failed: " + e);
        }
    }

    List<RoomLine> history(String room) {
        try {
            return cluster.history(room);
        } catch (RuntimeException e) {
            log.error("{} failed to read the history of {}", cluster, room, e);
            return List.of();
        }
    }

    RoomPresence who(String room) {
        try {
            return cluster.who(room);
        } catch (RuntimeException e) {
            log.error("{} failed to list {}", cluster, room, e);
            return new RoomPresence(List.of(), false);
        }
    }

    void release(Place place) {
        tell(link -> link.release(place.room(), place.nickname()));
    }

    void publish(Member from, String text) {
        tell(link -> link.publish(from.room(), from.nickname(), text));
    }

    /** Tells the cluster of a change (a join, leave, rename, release or line). */
    void tell(Consumer<RoomsCluster> event) {
        try {
            event.accept(cluster);
        } catch (RuntimeException e) {
            log.error("{} failed to take an event", cluster, e);
        }
    }
}
