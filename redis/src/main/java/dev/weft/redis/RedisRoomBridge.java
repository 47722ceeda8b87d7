package dev.weft.redis;

import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.LocalRooms;
import dev.weft.core.rooms.NicknameClaim;
import dev.weft.core.rooms.PresentMember;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomPresence;
import dev.weft.core.rooms.RoomsCluster;
import dev.weft.redis.internal.BridgeContext;
import dev.weft.redis.internal.BridgeCounters;
import dev.weft.redis.internal.ClaimEntry;
import dev.weft.redis.internal.CommandResult;
import dev.weft.redis.internal.CommandRunner;
import dev.weft.redis.internal.EpochMicros;
import dev.weft.redis.internal.HistoryEntries;
import dev.weft.redis.internal.InboundMessages;
import dev.weft.redis.internal.InstanceId;
import dev.weft.redis.internal.LeaveWords;
import dev.weft.redis.internal.Lifecycle;
import dev.weft.redis.internal.LinkHealth;
import dev.weft.redis.internal.Membership;
import dev.weft.redis.internal.MessageKind;
import dev.weft.redis.internal.Outbound;
import dev.weft.redis.internal.PresenceKeeper;
import dev.weft.redis.internal.PresenceScripts.ClaimResult;
import dev.weft.redis.internal.PresenceScripts;
import dev.weft.redis.internal.Publisher;
import dev.weft.redis.internal.RedisConnector;
import dev.weft.redis.internal.RedisKeys;
import dev.weft.redis.internal.Subscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends this instance's chat rooms to every instance that uses the same Redis and channel
 * prefix: the rooms' lines, presence and history become the cluster's. It is the
 * {@link RoomsCluster} of a {@link ChatRooms}, which calls it as its members come, speak and go;
 * what the other instances send, it hands to the rooms' {@link LocalRooms}:
 * <pre>{@code
 * ChatRooms rooms = new ChatRooms(RoomsConfig.DEFAULTS);
 * RedisRoomBridge bridge = RedisRoomBridge.attachedTo(rooms,
 *         RoomBridgeConfig.of(RedisEndpoint.of("redis://127.0.0.1:6379"), "chat-1")).start();
 * ... // start the servers whose clients are members of the rooms; stop them
 * bridge.close();                                         // after the servers
 * }</pre>
 *
 * <p><b>Delivery.</b> A line published here reaches the room's members on every other instance
 * subscribed at that moment, once each and in the order this instance published (numbered per
 * room; receivers discard repeats and count gaps). This instance never gets its own messages
 * back: the chat rooms deliver locally themselves. Live delivery is at most once: an instance
 * cut from Redis misses what was published meanwhile; {@link #history} is the catch-up.
 *
 * <p><b>Redis unavailable.</b> Local rooms keep working: {@link #publish}, {@link #joined},
 * {@link #renamed}, {@link #left} and {@link #release} queue, {@link #claim} grants on local
 * uniqueness ({@link NicknameClaim.Unverified}), {@link #who} lists local members,
 * {@link #history} is empty. The bridge reconnects with exponential back-off, resubscribes,
 * re-asserts its members' claims, logs one WARN at the loss and one INFO at the recovery, and
 * counts it.
 *
 * <p><b>Threads.</b> {@link #start()} starts six named virtual threads — publisher, subscriber,
 * subscription keeper, presence keeper and two command workers — each owning its connection;
 * {@link #close()} stops them all. The public methods are safe from any thread; {@link #claim},
 * {@link #who} and {@link #history} wait at most {@link RedisEndpoint#commandTimeout()}, the
 * others never wait for Redis.
 */
public final class RedisRoomBridge implements RoomsCluster, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisRoomBridge.class);
    private static final Duration STRAGGLER_WAIT = Duration.ofSeconds(5);

    private final RoomBridgeConfig config;
    private final BridgeContext context;
    private final PresenceScripts scripts;
    private final Membership membership = new Membership();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Publisher publisher;
    private final Subscriber subscriber;
    private final PresenceKeeper presence;
    private final CommandRunner commands;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final List<Thread> threads = new ArrayList<>();
    private AutoCloseable attachment;
    private Thread presenceThread;
    private Thread publisherThread;
    private boolean started;
    private boolean closed;

    /**
     * A bridge not yet started.
     *
     * @param config its configuration
     * @param rooms  this instance's rooms, where what other instances send is delivered
     */
    public RedisRoomBridge(RoomBridgeConfig config, LocalRooms rooms) {
        this.config = Objects.requireNonNull(config, "config");
        String self = InstanceId.create(config.instanceName());
        RedisKeys keys = new RedisKeys(config.channelPrefix());
        RedisEndpoint redis = config.redis();
        Lifecycle lifecycle = new Lifecycle();
        this.context = new BridgeContext(config, self, keys, new RedisConnector(redis.uri(), redis.connectTimeout(), self),
                new LinkHealth(redis.redactedUri(), self, lifecycle::wakeRetries), new BridgeCounters(),
                Objects.requireNonNull(rooms, "rooms"), lifecycle);
        this.scripts = new PresenceScripts(keys, self);
        this.publisher = new Publisher(context, scripts);
        this.subscriber = new Subscriber(context, new InboundMessages(context));
        this.presence = new PresenceKeeper(context, scripts, publisher, subscriber, membership, dirty);
        this.commands = new CommandRunner(context);
    }

    /**
     * A bridge, not yet started, over {@code rooms}, and attached to them
     * ({@link ChatRooms#attach}): from now on they claim nicknames and publish lines through it.
     * {@link #close()} detaches it again.
     *
     * @param rooms  this instance's rooms
     * @param config the bridge's configuration
     * @return the bridge
     * @throws IllegalStateException if the rooms are part of a cluster already
     */
    public static RedisRoomBridge attachedTo(ChatRooms rooms, RoomBridgeConfig config) {
        RedisRoomBridge bridge = new RedisRoomBridge(config, rooms.localRooms());
        AutoCloseable attachment = rooms.attach(bridge);
        bridge.stateLock.lock();
        try {
            bridge.attachment = attachment;
        } finally {
            bridge.stateLock.unlock();
        }
        return bridge;
    }

    /**
     * Starts the bridge's threads and returns at once: it does not wait for Redis, which it keeps
     * trying to reach (until then it behaves as when Redis is down).
     *
     * @return this bridge
     * @throws IllegalStateException if started before
     */
    public RedisRoomBridge start() {
        stateLock.lock();
        try {
            if (started || closed) {
                throw new IllegalStateException("a RedisRoomBridge starts once");
            }
            started = true;
            String name = "weft-redis-" + config.instanceName() + "-";
            publisherThread = spawn(name + "publisher", publisher);
            spawn(name + "subscriber", subscriber::receive);
            spawn(name + "subscriptions", subscriber::keep);
            presenceThread = spawn(name + "presence", presence);
            for (int i = 0; i < CommandRunner.WORKERS; i++) {
                int worker = i;
                spawn(name + "command-" + i, () -> commands.work(worker));
            }
        } finally {
            stateLock.unlock();
        }
        return this;
    }

    private Thread spawn(String name, Runnable body) {
        Thread thread = Thread.ofVirtual().name(name).start(body);
        threads.add(thread);
        return thread;
    }

    /**
     * Claims {@code nickname} in {@code room} across instances for a member about to join here,
     * after the nickname passed the local checks, and subscribes to the room; announces nothing
     * yet ({@link #joined}, {@link #renamed} do). Waits at most
     * {@link RedisEndpoint#commandTimeout()} in all. When it returns {@link NicknameClaim.Claimed}
     * the room's subscription is confirmed too (unless that took the rest of the timeout): every
     * line published in the room from then on reaches this instance.
     *
     * @param room     the room
     * @param nickname the member's nickname, unique in the room across instances
     * @return {@link NicknameClaim.Taken} if a member of another live instance has the nickname
     *         in the room — then nothing changed; {@link NicknameClaim.Unverified} when Redis
     *         could not be asked in time — then the claim is made when it can be
     */
    @Override
    public NicknameClaim claim(String room, String nickname) {
        ClaimEntry entry = entry(room, nickname);
        if (context.lifecycle().closing()) {
            return new NicknameClaim.Unverified("the bridge is closed");
        }
        long deadline = System.nanoTime() + config.redis().commandTimeout().toNanos();
        if (membership.add(room, nickname)) {
            subscriber.want(room);
        }
        NicknameClaim outcome = claim(entry);
        if (outcome instanceof NicknameClaim.Taken) {
            forget(entry);
        } else if (outcome instanceof NicknameClaim.Claimed) {
            subscriber.awaitSubscribed(room, deadline);
        }
        return outcome;
    }

    /**
     * Gives back a nickname {@linkplain #claim claimed} for a join the local rooms refused after
     * all; nobody is told. Never waits for Redis.
     *
     * @param room     the room
     * @param nickname the nickname claimed
     */
    @Override
    public void release(String room, String nickname) {
        ClaimEntry entry = entry(room, nickname);
        if (context.lifecycle().closing()) {
            return;
        }
        forget(entry);
        release(entry);
    }

    /**
     * A member joined {@code room} here under {@code nickname} (claimed before): announces the
     * join to the other instances. Never waits for Redis.
     *
     * @param room     the room
     * @param nickname the member's nickname
     */
    @Override
    public void joined(String room, String nickname) {
        entry(room, nickname);
        if (!context.lifecycle().closing()) {
            publisher.offer(message(MessageKind.JOIN, room, nickname, ""));
        }
    }

    /**
     * A member of {@code room} here changed nickname from {@code from} to {@code to} (claimed
     * before): releases {@code from} and announces the change. Never waits for Redis.
     *
     * @param room the room
     * @param from the member's old nickname
     * @param to   its new nickname
     */
    @Override
    public void renamed(String room, String from, String to) {
        ClaimEntry old = entry(room, from);
        entry(room, to);
        if (context.lifecycle().closing() || from.equals(to)) {
            return;
        }
        forget(old);
        release(old);
        publisher.offer(message(MessageKind.RENAME, room, to, from));
    }

    /**
     * A member left {@code room} here (moved, left, expired or disconnected): releases the
     * nickname, announces the leave with its reason, and unsubscribes from the room if it was the
     * last member here. Never waits for Redis.
     *
     * @param room     the room
     * @param nickname the member's nickname
     * @param reason   why, for the other instances' notice
     */
    @Override
    public void left(String room, String nickname, LeaveReason reason) {
        ClaimEntry entry = entry(room, nickname);
        Objects.requireNonNull(reason, "reason");
        if (context.lifecycle().closing()) {
            return;
        }
        forget(entry);
        release(entry);
        publisher.offer(message(MessageKind.LEAVE, room, nickname, LeaveWords.word(reason)));
    }

    /**
     * Publishes a line said in {@code room} by the local member {@code nickname} to the other
     * instances, and appends it to the room's history. Never waits for Redis: the line is queued.
     *
     * @param room     the room
     * @param nickname the speaker, a member here
     * @param text     the line, without line terminator
     * @return false if it was dropped (and counted): the publish queue is full or the bridge
     *         closed
     */
    @Override
    public boolean publish(String room, String nickname, String text) {
        entry(room, nickname);
        Objects.requireNonNull(text, "text");
        if (context.lifecycle().closing()) {
            context.counters().dropped.increment();
            return false;
        }
        return publisher.offer(message(MessageKind.LINE, room, nickname, text));
    }

    /**
     * Who is in {@code room} on every instance, for {@code /who}. Waits at most
     * {@link RedisEndpoint#commandTimeout()}; without Redis, lists this instance's members and
     * says the list is incomplete.
     *
     * @param room the room
     * @return its members, sorted by nickname
     */
    @Override
    public RoomPresence who(String room) {
        requireName(room, "room");
        CommandResult<Map<byte[], byte[]>> result =
                commands.call("who is in " + room, jedis -> jedis.hgetAll(context.keys().presence(room)));
        List<PresentMember> members = new ArrayList<>();
        boolean complete = result instanceof CommandResult.Done;
        switch (result) {
            case CommandResult.Done<Map<byte[], byte[]>> done -> done.value().forEach((nick, instance) -> members.add(
                    new PresentMember(utf8(nick), InstanceId.nameOf(utf8(instance)))));
            case CommandResult.Failed<Map<byte[], byte[]>> failed -> context.rooms().members()
                    .getOrDefault(room, Set.of()).forEach(nick -> members.add(new PresentMember(nick, config.instanceName())));
        }
        members.sort(Comparator.comparing(PresentMember::nickname));
        return new RoomPresence(members, complete);
    }

    /**
     * The last {@link RoomHistoryConfig#length()} lines said in {@code room}, oldest first,
     * whichever instance their speakers were on — for a member who just joined. Waits at most
     * {@link RedisEndpoint#commandTimeout()}; empty without Redis.
     *
     * @param room the room
     * @return the lines, oldest first
     */
    @Override
    public List<RoomLine> history(String room) {
        requireName(room, "room");
        int length = config.history().length();
        if (length == 0) {
            return List.of();
        }
        CommandResult<List<Object>> result = commands.call("the history of " + room,
                jedis -> jedis.xrevrange(context.keys().history(room), RedisKeys.bytes("+"), RedisKeys.bytes("-"), length));
        return switch (result) {
            case CommandResult.Done<List<Object>> done -> HistoryEntries.parse(done.value());
            case CommandResult.Failed<List<Object>> failed -> List.of();
        };
    }

    /**
     * Whether every connection to Redis is up: what {@code GET /health} reports to load balancers.
     *
     * @return true while the bridge is linked to the cluster
     */
    @Override
    public boolean connected() {
        return context.health().allUp();
    }

    /**
     * This run's id, new for every bridge: a restarted instance is a new one to the others.
     *
     * @return {@code <instance name>@<12 hex digits>}
     */
    public String instanceId() {
        return context.self();
    }

    /**
     * The configured instance name.
     *
     * @return {@link RoomBridgeConfig#instanceName()}
     */
    @Override
    public String instanceName() {
        return config.instanceName();
    }

    /**
     * A snapshot of the counters.
     *
     * @return counts of messages, of the Redis link's state, and the lag
     */
    public RoomBridgeMetrics metrics() {
        BridgeCounters c = context.counters();
        return new RoomBridgeMetrics(
                new DeliveryCounts(c.published.sum(), c.received.sum(), c.dropped.sum(), c.duplicates.sum(),
                        c.missing.sum(), c.malformed.sum()),
                new LinkCounts(connected(), context.health().reconnects(), c.commandTimeouts.sum(), c.unverified.sum(),
                        c.instancesReaped.sum()),
                new LagSummary(c.lag.count(), c.lag.percentile(0.5), c.lag.percentile(0.99), c.lag.max()));
    }

    /**
     * Stops the bridge: this instance's remaining members are removed from presence and announced
     * as leaving ({@link LeaveReason#INSTANCE_STOPPED}), queued messages are sent while Redis
     * answers within the command timeout, then every thread ends. Idempotent; once it returns no
     * thread of the bridge is alive. Call it after the servers whose members it serves stopped.
     * A bridge made by {@link #attachedTo} is first detached from its rooms, which are then on
     * their own again.
     */
    @Override
    public void close() {
        detach();
        if (!markClosed()) {
            return;
        }
        context.lifecycle().close();
        commands.stop();
        subscriber.stop();
        Duration bound = config.redis().commandTimeout().plus(config.redis().connectTimeout()).multipliedBy(2);
        joinQuietly(presenceThread, bound);
        publisher.finish();
        joinQuietly(publisherThread, bound);
        stopThreads();
    }

    /**
     * Stops every thread at once without cleaning up — no leave notices, no release, the
     * heartbeat left to expire: how a crashed instance looks to the others. For tests and drills.
     */
    void halt() {
        if (markClosed()) {
            stopThreads();
        }
    }

    /** The bridge's threads, for tests to check none outlives {@link #close()}. */
    List<Thread> threads() {
        stateLock.lock();
        try {
            return List.copyOf(threads);
        } finally {
            stateLock.unlock();
        }
    }

    private void detach() {
        AutoCloseable handle;
        stateLock.lock();
        try {
            handle = attachment;
            attachment = null;
        } finally {
            stateLock.unlock();
        }
        if (handle != null) {
            try {
                handle.close();
            } catch (Exception e) {
                log.error("{} could not detach from its rooms", context.self(), e);
            }
        }
    }

    private boolean markClosed() {
        stateLock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            return started;
        } finally {
            stateLock.unlock();
        }
    }

    private void stopThreads() {
        context.lifecycle().halt();
        commands.stop();
        subscriber.stop();
        publisher.abort();
        presence.abort();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            joinQuietly(thread, STRAGGLER_WAIT);
            if (thread.isAlive()) {
                log.error("{} thread {} did not stop within {}", context.self(), thread.getName(), STRAGGLER_WAIT);
            }
        }
    }

    private NicknameClaim claim(ClaimEntry entry) {
        CommandResult<ClaimResult> result = commands.call("the claim of " + entry.nickname() + " in " + entry.room(),
                jedis -> scripts.claim(jedis, entry));
        return switch (result) {
            case CommandResult.Done<ClaimResult> done when !done.value().granted() ->
                    new NicknameClaim.Taken(InstanceId.nameOf(done.value().holder()));
            case CommandResult.Done<ClaimResult> done -> new NicknameClaim.Claimed(
                    done.value().code() == ClaimResult.TOOK_OVER ? done.value().holder() : "");
            case CommandResult.Failed<ClaimResult> failed -> {
                dirty.set(true);
                yield new NicknameClaim.Unverified(failed.reason());
            }
        };
    }

    private void forget(ClaimEntry entry) {
        if (membership.remove(entry.room(), entry.nickname())) {
            subscriber.unwant(entry.room());
        }
    }

    private void release(ClaimEntry entry) {
        if (!publisher.offer(new Outbound.Release(entry))) {
            dirty.set(true);
        }
    }

    private Outbound.Message message(MessageKind kind, String room, String nickname, String text) {
        return new Outbound.Message(kind, room, nickname, context.self(), text, EpochMicros.now());
    }

    private static ClaimEntry entry(String room, String nickname) {
        requireName(room, "room");
        requireName(nickname, "nickname");
        return new ClaimEntry(room, nickname);
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void joinQuietly(Thread thread, Duration bound) {
        try {
            thread.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
