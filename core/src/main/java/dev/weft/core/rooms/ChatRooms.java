package dev.weft.core.rooms;

import dev.weft.core.Client;
import dev.weft.core.rooms.JoinResult.AlreadyJoined;
import dev.weft.core.rooms.JoinResult.Joined;
import dev.weft.core.rooms.RoomRefusal.NicknameTaken;
import dev.weft.core.rooms.RoomRefusal.NotInRoom;
import dev.weft.core.rooms.RoomRefusal.RoomFull;
import dev.weft.core.rooms.RoomRefusal.TextNotAllowed;
import dev.weft.core.rooms.RoomRefusal.TooManyRooms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat rooms shared by every protocol of an application: room → nickname → member
 * {@link Client}. A TCP chat connection, a UDP relay peer and a WebSocket session join the same
 * rooms here, so their members hear each other, and a nickname is unique within a room whatever
 * the protocols of the clients that want it.
 *
 * <pre>{@code
 * ChatRooms rooms = new ChatRooms(RoomsConfig.DEFAULTS);
 * switch (rooms.enter(client, "ann")) {           // the default room, "lobby"
 *     case JoinResult.Joined joined -> client.send("* welcome\n".getBytes(UTF_8));
 *     case JoinResult.AlreadyJoined again -> { }
 *     case RoomRefusal refused -> client.send(("! " + refused.message() + "\n").getBytes(UTF_8));
 * }
 * rooms.say(client, "hello");                      // "ann: hello" to the others of the lobby
 * rooms.leave(client, LeaveReason.LEFT);           // "* ann left"
 * }</pre>
 *
 * <p><b>What members hear.</b> Each line is UTF-8 text ending in {@code "\n"}, queued with
 * {@link Client#send}: {@code <nickname>: <text>} for a message (not to its sender),
 * {@code * <nickname> joined}, {@code * <old> is now <new>} and {@code * <nickname> left} (or
 * {@code left (expired)}) as notices to the room (not to the member concerned, whose protocol
 * answers it in its own words).
 *
 * <p><b>Threading.</b> Every change — join, move, rename, leave — holds one
 * {@link ReentrantLock} for a few map operations, so limits and the uniqueness of nicknames are
 * checked and applied atomically: of two clients of any protocols claiming one nickname at once,
 * exactly one gets it. Nothing is sent under the lock: notices are queued after it is released,
 * and {@link Client#send} never blocks, so a change never waits for a socket. Delivering a
 * message takes no lock at all: it goes to the members of the sender's room, read from the rooms
 * map, never by scanning the whole {@link dev.weft.core.ClientRegistry}. Every method may be
 * called from any thread, the UDP relay's receive loop included.
 *
 * <p><b>Leaving is the protocol's duty</b>: a handler calls {@link #leave} when its client goes
 * away (in a {@code finally}), the UDP relay when a peer leaves or expires. As a safety net, a
 * member found closed — when another client wants its nickname, or when a message to its room
 * cannot be sent to it — is removed then, with a {@link LeaveReason#CLOSED} notice, so a member
 * a protocol failed to remove can hold neither a name nor memory for long.
 *
 * <p><b>Beyond this process.</b> {@link RoomsListener}s hear every join, leave, rename and message
 * after the fact, outside the lock; {@link #tell} delivers a line that came from elsewhere to the
 * local members of a room. A {@link RoomsCluster} ({@link #attach}) shares the rooms with other
 * instances of the application: a nickname is then claimed across the cluster before the local
 * join (a refusal leaves everything as it was), each line is published after its local
 * delivery, a member who enters a room is sent the room's recent history, {@link #presence}
 * lists every instance's members, and the other instances' lines and notices arrive through
 * {@link #localRooms()}. Calls to the cluster are never made under the lock; those that wait for
 * an answer (a claim, the history, presence) wait at most the cluster's own timeout, on the
 * thread of the client concerned.
 */
public final class ChatRooms {

    private static final Logger log = LoggerFactory.getLogger(ChatRooms.class);

    private final RoomsConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    /** Rooms with at least one member; changed under {@link #lock}, read without it. */
    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    /** Each member client's place; changed under {@link #lock}, read without it. */
    private final ConcurrentHashMap<Client, Member> members = new ConcurrentHashMap<>();
    /** Nicknames being claimed across the cluster for a join, taken for every other client; under {@link #lock}. */
    private final Set<Place> claiming = new HashSet<>();
    private final CopyOnWriteArrayList<RoomsListener> listeners = new CopyOnWriteArrayList<>();
    private final ClusterSide clusterSide = new ClusterSide(this);
    /** The cluster these rooms are part of; null while they are on their own. */
    private volatile ClusterLink cluster;
    private final LongAdder joins = new LongAdder();
    private final LongAdder leaves = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder refusedNames = new LongAdder();
    private final LongAdder refusedTaken = new LongAdder();
    private final LongAdder refusedFull = new LongAdder();

    /**
     * Creates empty rooms.
     *
     * @param config the default room and the limits
     */
    public ChatRooms(RoomsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Joins the {@linkplain RoomsConfig#defaultRoom() default room} under {@code nickname}.
     *
     * @param client   the registry client entering
     * @param nickname the name it is known by in the room
     * @return as {@link #join}
     */
    public JoinResult enter(Client client, String nickname) {
        return join(client, config.defaultRoom(), nickname);
    }

    /**
     * Puts {@code client} in {@code room} under {@code nickname}: enters it, moves it from its
     * current room (which is told {@code * <old nickname> left}) or, in the same room, renames it
     * (the room is told {@code * <old> is now <new>}). The room joined is told
     * {@code * <nickname> joined}.
     *
     * <p>In a {@linkplain #attach cluster} the nickname is first claimed on the other instances
     * — refused if a member there has it in the room — and a client entering the room is sent
     * the room's recent history before anything else; both wait for the cluster (at most its
     * timeout), without the lock, on the caller's thread.
     *
     * @param client   the registry client joining
     * @param room     the room's name, not null
     * @param nickname the name it is known by in the room
     * @return {@link Joined}; {@link AlreadyJoined} when the client is already there under that
     *     nickname (nobody is told); or the {@link RoomRefusal} — a name too long or not allowed,
     *     the nickname taken in the room (here or on another instance), the room full, too many
     *     rooms — and nothing changed
     */
    public JoinResult join(Client client, String room, String nickname) {
        return change(client, Objects.requireNonNull(room, "room"), nickname, Renaming.ANNOUNCED);
    }

    /**
     * Gives {@code client} a new nickname in its current room; the room is told
     * {@code * <old> is now <new>}.
     *
     * @param client   the registry client renamed
     * @param nickname its new name
     * @return as {@link #join}, or {@link NotInRoom} when the client is in no room
     */
    public JoinResult rename(Client client, String nickname) {
        return change(client, null, nickname, Renaming.ANNOUNCED);
    }

    /**
     * How the cluster hears of a new nickname in the same room: as a change of nickname, or — when
     * the old one turned out to be another instance's member's ({@link LocalRooms#claimLost}) —
     * as a member joining, since the other instances never knew this member by the old one.
     */
    enum Renaming { ANNOUNCED, AS_JOIN }

    /** Joins, moves or renames; {@code wantedRoom} null means the client's current room. */
    private JoinResult change(Client client, String wantedRoom, String nickname, Renaming renaming) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(nickname, "nickname");
        Optional<RoomRefusal> badName = (wantedRoom == null ? Optional.<RoomRefusal>empty()
                : NameKind.ROOM.check(wantedRoom, config.maxRoomNameLength()))
                .or(() -> NameKind.NICKNAME.check(nickname, config.maxNicknameLength()));
        if (badName.isPresent()) {
            return refused(badName.get());
        }
        ClusterLink link = cluster;
        ChangeEffects effects = new ChangeEffects(this, link);
        JoinResult result;
        if (link == null) {
            lock.lock();
            try {
                result = changeLocked(client, wantedRoom == null ? roomOf(client) : wantedRoom, nickname, renaming, effects);
            } finally {
                lock.unlock();
            }
        } else {
            result = new ClusterJoin(this, link, client, renaming, effects).run(wantedRoom, nickname);
        }
        effects.apply(); // even after a refusal: a stale member may have been removed
        return result instanceof RoomRefusal refusal ? refused(refusal) : result;
    }

    /**
     * The first step of a change in a cluster ({@link ClusterJoin}): checks it and reserves the
     * nickname here, so no other client takes it while the cluster is asked.
     *
     * @return the refusal or {@link AlreadyJoined} that ends it, or the reservation
     */
    ClusterJoin.Step reserve(Client client, String wantedRoom, String nickname, ChangeEffects effects) {
        lock.lock();
        try {
            String roomName = wantedRoom == null ? roomOf(client) : wantedRoom;
            JoinResult early = checkLocked(client, roomName, nickname, effects);
            if (early != null) {
                return new ClusterJoin.Ended(early);
            }
            Member before = members.get(client);
            Place place = new Place(roomName, nickname);
            claiming.add(place);
            return new ClusterJoin.Reserved(place, before == null || !before.room().equals(roomName));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The last step of a change in a cluster: frees the reservation and, unless the cluster said
     * the nickname is taken, checks the change again and makes it.
     */
    JoinResult commit(Client client, Place place, NicknameClaim claim, Renaming renaming, ChangeEffects effects) {
        lock.lock();
        try {
            claiming.remove(place);
            return claim instanceof NicknameClaim.Taken
                    ? new NicknameTaken(place.room(), place.nickname())
                    : changeLocked(client, place.room(), place.nickname(), renaming, effects);
        } finally {
            lock.unlock();
        }
    }

    /** The room {@code client} is in, or null. Under the lock. */
    private String roomOf(Client client) {
        Member before = members.get(client);
        return before == null ? null : before.room();
    }

    /** Checks and, if allowed, makes a change; {@code roomName} null means the client is in no room. */
    private JoinResult changeLocked(Client client, String roomName, String nickname, Renaming renaming,
                                    ChangeEffects effects) {
        JoinResult refusal = checkLocked(client, roomName, nickname, effects);
        return refusal != null ? refusal : applyLocked(client, roomName, nickname, renaming, effects);
    }

    /**
     * The checks of a change: a refusal or {@link AlreadyJoined}, or null when it may go ahead.
     * Removes a closed member found holding the nickname.
     */
    private JoinResult checkLocked(Client client, String roomName, String nickname, ChangeEffects effects) {
        if (roomName == null) {
            return new NotInRoom();
        }
        Member before = members.get(client);
        if (before != null && before.room().equals(roomName) && before.nickname().equals(nickname)) {
            return new AlreadyJoined(before);
        }
        if (claiming.contains(new Place(roomName, nickname))) {
            return new NicknameTaken(roomName, nickname);
        }
        Room target = rooms.get(roomName);
        Member holder = target == null ? null : target.holder(nickname);
        if (holder != null) {
            if (holder.client().isOpen()) {
                return new NicknameTaken(roomName, nickname);
            }
            removeLocked(holder, LeaveReason.CLOSED, effects);
            target = rooms.get(roomName);
        }
        boolean moving = before == null || !before.room().equals(roomName);
        return moving ? roomForOneMore(target, roomName, before).orElse(null) : null;
    }

    /** Makes a change that passed {@link #checkLocked}. */
    private JoinResult applyLocked(Client client, String roomName, String nickname, Renaming renaming,
                                   ChangeEffects effects) {
        Member before = members.get(client);
        boolean moving = before == null || !before.room().equals(roomName);
        Room target = rooms.get(roomName);
        Member now = new Member(roomName, nickname, client);
        if (before != null) {
            Room old = rooms.get(before.room());
            old.remove(before);
            if (moving) {
                dropIfEmpty(old);
                effects.notice(old, client, "* " + before.nickname() + " " + LeaveReason.MOVED.notice());
                effects.cluster(link -> link.left(before.room(), before.nickname(), LeaveReason.MOVED));
                effects.event(listener -> listener.left(before, LeaveReason.MOVED));
            }
        }
        if (target == null) {
            target = new Room(roomName);
            rooms.put(roomName, target);
        }
        target.add(now);
        members.put(client, now);
        joins.increment();
        if (moving) {
            effects.notice(target, client, "* " + nickname + " joined");
            effects.cluster(link -> link.joined(roomName, nickname));
            effects.event(listener -> listener.joined(now));
        } else {
            effects.notice(target, client, "* " + before.nickname() + " is now " + nickname);
            effects.cluster(renaming == Renaming.AS_JOIN ? link -> link.joined(roomName, nickname)
                    : link -> link.renamed(roomName, before.nickname(), nickname));
            effects.event(listener -> listener.renamed(before, now));
        }
        return new Joined(Optional.ofNullable(before), now);
    }

    /** The refusal, if {@code target} (null: not open yet) cannot take one more member. */
    private Optional<RoomRefusal> roomForOneMore(Room target, String roomName, Member mover) {
        if (target != null) {
            return target.size() >= config.maxMembersPerRoom()
                    ? Optional.of(new RoomFull(roomName, config.maxMembersPerRoom())) : Optional.empty();
        }
        if (roomName.equals(config.defaultRoom())) {
            return Optional.empty();
        }
        boolean moverEmptiesItsRoom = mover != null && rooms.get(mover.room()).size() == 1;
        int roomsAfter = rooms.size() + 1 - (moverEmptiesItsRoom ? 1 : 0);
        return roomsAfter > config.maxRooms()
                ? Optional.of(new TooManyRooms(config.maxRooms())) : Optional.empty();
    }

    /**
     * Takes {@code client} out of its room, which is told {@code * <nickname> <reason's notice>}.
     *
     * @param client the registry client leaving
     * @param reason why, for the notice and the listeners ({@link LeaveReason#MOVED} is what
     *               {@link #join} reports for a move; use another here)
     * @return where it was; empty if it was in no room (then nothing happens)
     */
    public Optional<Member> leave(Client client, LeaveReason reason) {
        return leave(client, reason, cluster);
    }

    /** Takes {@code client} out of its room; {@code link}, if not null, is told. */
    private Optional<Member> leave(Client client, LeaveReason reason, ClusterLink link) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(reason, "reason");
        ChangeEffects effects = new ChangeEffects(this, link);
        Member gone;
        lock.lock();
        try {
            gone = members.get(client);
            if (gone != null) {
                removeLocked(gone, reason, effects);
            }
        } finally {
            lock.unlock();
        }
        effects.apply();
        return Optional.ofNullable(gone);
    }

    private void removeLocked(Member member, LeaveReason reason, ChangeEffects effects) {
        members.remove(member.client(), member);
        Room room = rooms.get(member.room());
        room.remove(member);
        dropIfEmpty(room);
        leaves.increment();
        effects.notice(room, member.client(), "* " + member.nickname() + " " + reason.notice());
        effects.cluster(link -> link.left(member.room(), member.nickname(), reason));
        effects.event(listener -> listener.left(member, reason));
    }

    private void dropIfEmpty(Room room) {
        if (room.isEmpty()) {
            rooms.remove(room.name(), room);
        }
    }

    /**
     * Says {@code text} to the other members of {@code client}'s room: each gets
     * {@code <nickname>: <text>}. Takes no lock; never blocks.
     *
     * @param client the registry client speaking, not null
     * @param text   one line of text, without its line end
     * @return {@link SayResult.Said}; {@link NotInRoom} when the client is in no room; or
     *     {@link TextNotAllowed} for empty text or text with a control character (see {@link ChatText})
     */
    public SayResult say(Client client, String text) {
        Objects.requireNonNull(client, "client");
        if (text.isEmpty() || !ChatText.isPrintable(text)) {
            return refused(new TextNotAllowed());
        }
        Member from = members.get(client);
        if (from == null) {
            return refused(new NotInRoom());
        }
        messages.increment();
        Room room = rooms.get(from.room());
        int reached = room == null ? 0 : deliver(room, client, from.nickname() + ": " + text, true);
        ClusterLink link = cluster;
        if (link != null) {
            link.publish(from, text);
        }
        fire(listener -> listener.said(from, text));
        return new SayResult.Said(from, reached);
    }

    /**
     * Delivers {@code line} to every local member of {@code room}, as it is (plus {@code "\n"}),
     * without telling the listeners: for lines that come from elsewhere — another instance of the
     * application, an announcement. Never blocks.
     *
     * @param room the room's name, not null
     * @param line one line of text, without its line end
     * @return how many members it was queued for (0 if the room has none here)
     * @throws IllegalArgumentException if {@code line} has a control character
     */
    public int tell(String room, String line) {
        Objects.requireNonNull(room, "room");
        if (!ChatText.isPrintable(line)) {
            throw new IllegalArgumentException("a line must not contain control characters");
        }
        Room target = rooms.get(room);
        return target == null ? 0 : deliver(target, null, line, false);
    }

    /**
     * Where {@code client} is, if it is in a room.
     *
     * @param client the registry client, not null
     * @return its room and nickname; empty when it is in no room
     */
    public Optional<Member> memberOf(Client client) {
        return Optional.ofNullable(members.get(Objects.requireNonNull(client, "client")));
    }

    /**
     * The nicknames of {@code room}'s members here, sorted; empty for a room without members
     * here. Never waits: for every instance's members, see {@link #presence}.
     *
     * @param room the room's name, not null
     * @return the sorted nicknames of the room's local members
     */
    public List<String> who(String room) {
        Room target = rooms.get(Objects.requireNonNull(room, "room"));
        if (target == null) {
            return List.of();
        }
        List<String> nicknames = new ArrayList<>(target.size());
        target.members().forEach(member -> nicknames.add(member.nickname()));
        nicknames.sort(null);
        return nicknames;
    }

    /**
     * Who is in {@code room} on every instance of the cluster — for a {@code /who} command. In a
     * cluster it asks the others, waiting at most the cluster's timeout (never under the lock),
     * and lists only this instance's members, marked incomplete, when they cannot be asked. On
     * their own, the rooms answer at once with their members (instance names empty).
     *
     * @param room the room
     * @return its members, sorted by nickname
     */
    public RoomPresence presence(String room) {
        Objects.requireNonNull(room, "room");
        ClusterLink link = cluster;
        if (link != null) {
            RoomPresence everywhere = link.who(room);
            if (everywhere.complete()) {
                return everywhere;
            }
        }
        String here = link == null ? "" : link.instanceName();
        return new RoomPresence(who(room).stream().map(nickname -> new PresentMember(nickname, here)).toList(),
                link == null);
    }

    /**
     * Makes these rooms part of {@code cluster} (see {@link RoomsCluster} for what changes): from
     * now on nicknames are claimed across it and lines published to it. Attach the cluster before
     * members come: one attached later learns of the members already here from
     * {@link #localRooms()} when it next re-asserts them. Deliver what the other instances send to
     * {@link #localRooms()}.
     *
     * @param cluster the other instances
     * @return a handle whose {@code close()} detaches the cluster: the rooms are on their own again
     * @throws IllegalStateException if a cluster is attached already
     */
    public AutoCloseable attach(RoomsCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        lock.lock();
        try {
            if (this.cluster != null) {
                throw new IllegalStateException("these rooms are part of a cluster already: " + this.cluster.cluster());
            }
            this.cluster = new ClusterLink(cluster);
        } finally {
            lock.unlock();
        }
        return () -> detach(cluster);
    }

    private void detach(RoomsCluster attached) {
        lock.lock();
        try {
            if (cluster != null && cluster.cluster() == attached) {
                cluster = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cluster these rooms are part of, if any: its {@link RoomsCluster#connected()} is what a
     * health check reports.
     *
     * @return the attached cluster, or empty
     */
    public Optional<RoomsCluster> cluster() {
        ClusterLink link = cluster;
        return Optional.ofNullable(link == null ? null : link.cluster());
    }

    /**
     * These rooms as a {@link RoomsCluster} sees them: where it delivers the other instances'
     * lines and notices. Available whether or not a cluster is attached.
     *
     * @return the view, the same object every time
     */
    public LocalRooms localRooms() {
        return clusterSide;
    }

    /**
     * Gives {@code client} a new nickname in its room, claimed across the cluster and announced
     * there as a join: its old one was another instance's member's ({@link LocalRooms#claimLost}).
     */
    JoinResult renameAfterLostClaim(Client client, String nickname) {
        return change(client, null, nickname, Renaming.AS_JOIN);
    }

    /** Takes {@code client} out of its room without telling the cluster, which never knew it there. */
    void leaveUntold(Client client) {
        leave(client, LeaveReason.LEFT, null);
    }

    /** Room to nicknames of the members here, taken under the lock: the truth for a cluster. */
    Map<String, Set<String>> memberNicknames() {
        lock.lock();
        try {
            Map<String, Set<String>> snapshot = new HashMap<>();
            members.values().forEach(member ->
                    snapshot.computeIfAbsent(member.room(), room -> new HashSet<>()).add(member.nickname()));
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    /** The member of {@code room} here with {@code nickname}, if any. */
    Optional<Member> holder(String room, String nickname) {
        Room target = rooms.get(room);
        return Optional.ofNullable(target == null ? null : target.holder(nickname));
    }

    /**
     * Adds a listener of every change and message (see {@link RoomsListener} for its contract).
     *
     * @param listener the listener, not null
     * @return a handle whose {@code close()} removes the listener
     */
    public AutoCloseable addListener(RoomsListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** {@return the configuration} */
    public RoomsConfig config() {
        return config;
    }

    /** {@return a snapshot of the counters} */
    public RoomsMetrics metrics() {
        return new RoomsMetrics(rooms.size(), members.size(), joins.sum(), leaves.sum(), messages.sum(),
                deliveries.sum(), refusedNames.sum(), refusedTaken.sum(), refusedFull.sum());
    }

    private <R extends RoomRefusal> R refused(R refusal) {
        switch (refusal) {
            case RoomRefusal.NameTooLong r -> refusedNames.increment();
            case RoomRefusal.NameNotAllowed r -> refusedNames.increment();
            case TextNotAllowed r -> refusedNames.increment();
            case NicknameTaken r -> refusedTaken.increment();
            case RoomFull r -> refusedFull.increment();
            case TooManyRooms r -> refusedFull.increment();
            case NotInRoom r -> {
                // not a limit: the protocol answers it, nothing to count here
            }
        }
        return refusal;
    }

    /**
     * Queues {@code text} for the members of {@code room} but {@code except}; returns how many.
     * With {@code removeClosed}, members found closed are then removed, with a
     * {@link LeaveReason#CLOSED} notice (whose own delivery removes nothing, so this never
     * recurses).
     */
    int deliver(Room room, Client except, String text, boolean removeClosed) {
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        int reached = 0;
        List<Client> closed = List.of();
        for (Member member : room.members()) {
            Client client = member.client();
            if (client == except) {
                continue;
            }
            if (client.send(line)) {
                reached++;
            } else if (removeClosed && !client.isOpen()) {
                closed = closed.isEmpty() ? new ArrayList<>(2) : closed;
                closed.add(client);
            }
        }
        deliveries.add(reached);
        closed.forEach(client -> leave(client, LeaveReason.CLOSED));
        return reached;
    }

    void fire(Consumer<RoomsListener> event) {
        for (RoomsListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("rooms listener {} failed", listener, e);
            }
        }
    }

    @Override
    public String toString() {
        return "ChatRooms[" + rooms.size() + " rooms, " + members.size() + " members]";
    }
}
