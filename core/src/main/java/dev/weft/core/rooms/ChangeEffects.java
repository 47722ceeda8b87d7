package dev.weft.core.rooms;

import dev.weft.core.Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a change of the {@link ChatRooms} owes the world once the lock is released, in this order:
 * the room's history to a member who entered it (in a cluster), the notices to queue for the
 * rooms' members, the events to tell the cluster, the events for the listeners — each list in the
 * order the change made them.
 */
final class ChangeEffects {

    private record Notice(Room room, Client except, String text) {
    }

    private final ChatRooms rooms;
    private final ClusterLink link;
    private final List<Notice> notices = new ArrayList<>(2);
    private final List<Consumer<RoomsCluster>> clusterEvents = new ArrayList<>(2);
    private final List<Consumer<RoomsListener>> events = new ArrayList<>(2);
    private Client joiner;
    private List<RoomLine> history = List.of();

    /**
     * @param rooms the rooms changed
     * @param link  the cluster told of the changes, or null
     */
    ChangeEffects(ChatRooms rooms, ClusterLink link) {
        this.rooms = rooms;
        this.link = link;
    }

    void notice(Room room, Client except, String text) {
        notices.add(new Notice(room, except, text));
    }

    void cluster(Consumer<RoomsCluster> event) {
        if (link != null) {
            clusterEvents.add(event);
        }
    }

    void event(Consumer<RoomsListener> event) {
        events.add(event);
    }

    /** The room's history, for the member who entered it (sent first). */
    void history(Client client, List<RoomLine> lines) {
        joiner = client;
        history = lines;
    }

    /** Called without the lock. */
    void apply() {
        for (RoomLine line : history) {
            if (ChatText.isPrintable(line.nickname()) && ChatText.isPrintable(line.text())) {
                joiner.send((line.nickname() + ": " + line.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        for (Notice notice : notices) {
            rooms.deliver(notice.room(), notice.except(), notice.text(), false);
        }
        for (Consumer<RoomsCluster> event : clusterEvents) {
            link.tell(event);
        }
        events.forEach(rooms::fire);
    }
}
