package dev.weft.redis.internal;

import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.RoomNotice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The presence thread. Every heartbeat interval it
 * <ol>
 *   <li>refreshes this instance's heartbeat key (TTL: the presence TTL) and its place in the set
 *       of instances;
 *   <li>re-asserts its claims when it has to — after (re)connecting, after being reaped while cut
 *       off, or when a client call could not claim in time: every local member is claimed again
 *       (a member another instance took meanwhile is reported with
 *       {@link dev.weft.core.rooms.LocalRooms#claimLost}), and claims in Redis that no local member
 *       wants any more are released;
 *   <li>reaps lost instances: for every instance whose heartbeat has expired, the reap script
 *       removes its members from every room and returns them to this caller alone — Redis runs
 *       the script atomically, so among all survivors exactly one gets each member — and this
 *       instance tells its own members and publishes the leave for the others' members.
 * </ol>
 * When the bridge closes it reaps itself, so the others see its remaining members leave at once.
 */
public final class PresenceKeeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PresenceKeeper.class);
    /** How long survivors' "reaped" marker lasts, for a lost instance that comes back. */
    private static final Duration REAPED_MARKER_TTL = Duration.ofHours(1);

    private final BridgeContext context;
    private final PresenceScripts scripts;
    private final Publisher publisher;
    private final Subscriber subscriber;
    private final Membership membership;
    private final AtomicBoolean dirty;
    private final OwnedConnection connection;

    /**
     * @param context    the bridge's shared parts
     * @param scripts    the presence scripts
     * @param publisher  where notices go
     * @param subscriber told about rooms re-assertion adds
     * @param membership the bridge's own view of what it holds
     * @param dirty      set when a claim could not be made in Redis: re-assert at the next beat
     */
    public PresenceKeeper(BridgeContext context, PresenceScripts scripts, Publisher publisher, Subscriber subscriber,
                          Membership membership, AtomicBoolean dirty) {
        this.context = context;
        this.scripts = scripts;
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.membership = membership;
        this.dirty = dirty;
        this.connection = new OwnedConnection(context.connector(), "presence", context.config().redis().commandTimeout());
    }

    /** Makes a call blocked on Redis fail now (the bridge is halting). */
    public void abort() {
        connection.abort();
    }

    @Override
    public void run() {
        ReconnectBackoff backoff = context.backoff();
        Duration interval = context.config().presence().heartbeatInterval();
        boolean fresh = true;
        boolean connectedBefore = false;
        try {
            while (!context.lifecycle().closing()) {
                try {
                    Jedis jedis = connection.get();
                    boolean reaped = beat(jedis);
                    boolean wasDirty = dirty.getAndSet(false);
                    if (fresh || reaped || wasDirty) {
                        reassert(jedis, reaped, reaped || (fresh && connectedBefore));
                        fresh = false;
                        connectedBefore = true;
                    }
                    context.health().up(Link.PRESENCE);
                    reapLost(jedis);
                    backoff.reset();
                    if (context.lifecycle().pause(interval)) {
                        break;
                    }
                } catch (JedisException | IllegalStateException e) {
                    // IllegalStateException: a reply of a shape the scripts never give (another
                    // program writing under this prefix?): treated like a failed connection.
                    connection.discard();
                    fresh = true;
                    if (context.lifecycle().closing()) {
                        break;
                    }
                    context.health().down(Link.PRESENCE, e);
                    if (context.lifecycle().pauseBeforeRetry(backoff.next())) {
                        break;
                    }
                }
            }
            if (!context.lifecycle().halted()) {
                reapSelf();
            }
        } finally {
            connection.close();
        }
    }

    /** Refreshes the heartbeat; returns whether survivors reaped this instance meanwhile. */
    private boolean beat(Jedis jedis) {
        Pipeline pipeline = jedis.pipelined();
        byte[] self = RedisKeys.bytes(context.self());
        pipeline.set(context.keys().alive(context.self()), self,
                SetParams.setParams().px(context.config().presence().ttl().toMillis()));
        pipeline.sadd(context.keys().instances(), self);
        Response<Boolean> reaped = pipeline.exists(context.keys().reaped(context.self()));
        pipeline.sync();
        return reaped.get();
    }

    /**
     * Claims every local member again and releases stale claims.
     *
     * @param announce  publish a join for each member claimed anew (the others saw it leave)
     * @param afterLoss log at INFO (a recovery) rather than DEBUG (the first connection)
     */
    private void reassert(Jedis jedis, boolean announce, boolean afterLoss) {
        // Read Redis's view before this instance's, so a join racing with this cannot look stale.
        Set<ClaimEntry> held = new HashSet<>();
        for (byte[] element : jedis.smembers(context.keys().claims(context.self()))) {
            ClaimEntry.decode(element).ifPresent(held::add);
        }
        Set<ClaimEntry> pending = membership.snapshot();
        Set<ClaimEntry> truth = new HashSet<>();
        try {
            context.rooms().members().forEach((room, nicks) -> nicks.forEach(nick -> truth.add(new ClaimEntry(room, nick))));
        } catch (RuntimeException e) {
            log.error("{} local rooms failed to list their members: presence is re-asserted at the next heartbeat",
                    context.self(), e);
            dirty.set(true);
            return;
        }

        Pipeline pipeline = jedis.pipelined();
        Map<ClaimEntry, Response<Object>> claims = new LinkedHashMap<>();
        truth.forEach(entry -> claims.put(entry, scripts.claim(pipeline, entry)));
        int released = 0;
        for (ClaimEntry entry : held) {
            if (!truth.contains(entry) && !pending.contains(entry)) {
                scripts.release(pipeline, entry);
                released++;
            }
        }
        if (announce) {
            pipeline.del(context.keys().reaped(context.self()));
        }
        pipeline.sync();

        Map<ClaimEntry, String> conflicts = new LinkedHashMap<>();
        claims.forEach((entry, response) -> {
            PresenceScripts.ClaimResult result = PresenceScripts.ClaimResult.of(response.get());
            if (!result.granted()) {
                conflicts.put(entry, result.holder());
            } else {
                if (membership.add(entry.room(), entry.nickname())) {
                    subscriber.want(entry.room());
                }
                if (announce && result.newlyHeld()) {
                    publisher.offer(notice(MessageKind.JOIN, entry, context.self()));
                }
            }
        });
        conflicts.forEach((lost, holder) -> {
            if (membership.remove(lost.room(), lost.nickname())) {
                subscriber.unwant(lost.room());
            }
            tellRooms(() -> context.rooms().claimLost(lost.room(), lost.nickname(), InstanceId.nameOf(holder)));
        });
        String summary = "{} re-asserted {} claims ({} held by another instance meanwhile, {} stale released{})";
        Object[] args = {context.self(), truth.size(), conflicts.size(), released,
                announce ? "; had been reaped: joins announced again" : ""};
        if (afterLoss) {
            log.info(summary, args);
        } else {
            log.debug(summary, args);
        }
    }

    /** Reaps every instance whose heartbeat has expired. */
    private void reapLost(Jedis jedis) {
        List<String> others = new ArrayList<>();
        for (byte[] id : jedis.smembers(context.keys().instances())) {
            String instance = new String(id, StandardCharsets.UTF_8);
            if (!instance.equals(context.self())) {
                others.add(instance);
            }
        }
        if (others.isEmpty()) {
            return;
        }
        Pipeline pipeline = jedis.pipelined();
        List<Response<Boolean>> alive = others.stream().map(id -> pipeline.exists(context.keys().alive(id))).toList();
        pipeline.sync();
        long markerTtl = REAPED_MARKER_TTL.toMillis();
        for (int i = 0; i < others.size(); i++) {
            if (alive.get(i).get()) {
                continue;
            }
            String lost = others.get(i);
            Optional<List<ClaimEntry>> removed = scripts.reap(jedis, lost, markerTtl, false);
            if (removed.isEmpty()) {
                continue;
            }
            context.counters().instancesReaped.increment();
            log.info("{} found instance {} lost (no heartbeat for {}): removed its {} members, announcing their leave",
                    context.self(), lost, context.config().presence().ttl(), removed.get().size());
            for (ClaimEntry entry : removed.get()) {
                RoomNotice notice = new RoomNotice.Left(entry.nickname(), InstanceId.nameOf(lost), LeaveReason.INSTANCE_LOST);
                if (membership.hasRoom(entry.room())) {
                    tellRooms(() -> context.rooms().notice(entry.room(), notice));
                }
                publisher.offer(notice(MessageKind.LOST, entry, lost));
            }
        }
    }

    /** Closing: removes this instance's remaining members at once and announces them. */
    private void reapSelf() {
        try {
            Optional<List<ClaimEntry>> removed = scripts.reap(connection.get(), context.self(), 1, true);
            removed.ifPresent(entries -> entries.forEach(
                    entry -> publisher.offer(notice(MessageKind.STOP, entry, context.self()))));
        } catch (JedisException e) {
            log.info("{} closing without Redis ({}): the others see its members leave when its heartbeat expires",
                    context.self(), e.toString());
        }
    }

    private static Outbound.Message notice(MessageKind kind, ClaimEntry entry, String memberInstance) {
        return new Outbound.Message(kind, entry.room(), entry.nickname(), memberInstance, "", EpochMicros.now());
    }

    private void tellRooms(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("{} local rooms failed to take a presence change", context.self(), e);
        }
    }
}
