package dev.weft.redis.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The subscription to the channels of the rooms that have members here — one channel per room,
 * so Redis sends an instance only the traffic of its own rooms (a pattern subscription would
 * send every instance every room's traffic). Two threads:
 *
 * <ul>
 *   <li>{@link #receive()} owns the connection: it subscribes to this instance's own channel and
 *       every wanted room, then blocks reading messages and hands each to
 *       {@link InboundMessages} in arrival order; when the connection fails it reconnects with
 *       back-off and subscribes again.
 *   <li>{@link #keep()} is the only writer once the subscription is live: it applies
 *       {@link #want}/{@link #unwant} changes (so client threads never write to Redis) and pings
 *       every heartbeat interval; a subscription that has not answered a ping for the presence
 *       TTL is taken for dead (a hung Redis, a silent network) and reopened.
 * </ul>
 *
 * The subscription counts as live when Redis confirms the instance's own channel, subscribed
 * last so that every room of the first request is confirmed before it; only then is the
 * subscriber link reported up. {@link #awaitSubscribed} lets a joining member wait for its room.
 */
public final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private final BridgeContext context;
    private final InboundMessages inbound;
    private final byte[] ownChannel;
    private final OwnedConnection connection;
    private final Semaphore changes = new Semaphore(0);
    private final ReentrantLock lock = new ReentrantLock();
    /** Rooms with members here. Guarded by {@link #lock}. */
    private final Set<String> wanted = new HashSet<>();
    /** Rooms the live subscription has been asked for. Guarded by {@link #lock}. */
    private final Set<String> requested = new HashSet<>();
    /** Rooms whose subscription Redis confirmed on the live connection. Guarded by {@link #lock}. */
    private final Set<String> confirmedRooms = new HashSet<>();
    private final Condition confirmation = lock.newCondition();
    /** The live subscription, or null. Guarded by {@link #lock}. */
    private RoomPubSub live;
    private volatile long lastPongNanos;
    /** When the current attempt to subscribe began, or 0 once it is live or over. */
    private volatile long subscribingSinceNanos;
    private boolean subscribedBefore;

    /**
     * @param context the bridge's shared parts
     * @param inbound where received messages go
     */
    public Subscriber(BridgeContext context, InboundMessages inbound) {
        this.context = context;
        this.inbound = inbound;
        this.ownChannel = context.keys().instanceChannel(context.self());
        this.connection = new OwnedConnection(context.connector(), "subscriber", context.config().redis().commandTimeout());
    }

    /** Subscribes to {@code room}'s channel (soon: the keeper thread does it). Never blocks on Redis. */
    public void want(String room) {
        lock.lock();
        try {
            wanted.add(room);
        } finally {
            lock.unlock();
        }
        changes.release();
    }

    /** Unsubscribes from {@code room}'s channel (soon). Never blocks on Redis. */
    public void unwant(String room) {
        lock.lock();
        try {
            wanted.remove(room);
        } finally {
            lock.unlock();
        }
        changes.release();
    }

    /**
     * Waits until Redis has confirmed the subscription to {@code room}'s channel, so that every
     * message published to the room from then on reaches this instance — or until
     * {@code deadlineNanos} ({@link System#nanoTime()}) passes.
     *
     * @return whether the subscription is confirmed
     */
    public boolean awaitSubscribed(String room, long deadlineNanos) {
        lock.lock();
        try {
            while (!confirmedRooms.contains(room)) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                confirmation.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the keeper so it sees the bridge closing, and fails a blocked read now. */
    public void stop() {
        changes.release();
        connection.abort();
    }

    /** The receiving thread's loop. */
    public void receive() {
        ReconnectBackoff backoff = context.backoff();
        while (!context.lifecycle().closing()) {
            RoomPubSub pubSub;
            List<byte[]> channels = new ArrayList<>();
            lock.lock();
            try {
                pubSub = new RoomPubSub(backoff, Set.copyOf(wanted));
                pubSub.initial.forEach(room -> channels.add(context.keys().roomChannel(room)));
            } finally {
                lock.unlock();
            }
            // Last: its confirmation comes after every room's, so the subscription is complete when live.
            channels.add(ownChannel);
            try {
                subscribingSinceNanos = System.nanoTime();
                connection.get().subscribe(pubSub, channels.toArray(byte[][]::new));
            } catch (JedisException e) {
                if (!context.lifecycle().closing()) {
                    context.health().down(Link.SUBSCRIBER, e);
                }
            } catch (RuntimeException e) {
                // Not a failure Jedis reports as such: a bug here or there. Subscribe again on a new connection.
                log.error("{} the subscription failed unexpectedly; subscribing again", context.self(), e);
                context.health().down(Link.SUBSCRIBER, e);
            } finally {
                subscribingSinceNanos = 0;
                lock.lock();
                try {
                    live = null;
                    confirmedRooms.clear();
                } finally {
                    lock.unlock();
                }
                connection.discard();
            }
            if (context.lifecycle().closing() || context.lifecycle().pauseBeforeRetry(backoff.next())) {
                return;
            }
        }
    }

    /** The keeper thread's loop. */
    public void keep() {
        Duration interval = context.config().presence().heartbeatInterval();
        long deadAfterNanos = context.config().presence().ttl().toNanos();
        long nextProbe = System.nanoTime() + interval.toNanos();
        try {
            while (!context.lifecycle().closing()) {
                // Pings keep their schedule however often subscriptions change.
                if (changes.tryAcquire(Math.max(0, nextProbe - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    changes.drainPermits();
                }
                if (context.lifecycle().closing()) {
                    return;
                }
                reconcile();
                if (System.nanoTime() - nextProbe >= 0) {
                    probe(deadAfterNanos);
                    nextProbe = System.nanoTime() + interval.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what changed in {@link #wanted} since the live subscription was last asked. */
    private void reconcile() {
        RoomPubSub pubSub;
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        lock.lock();
        try {
            pubSub = live;
            if (pubSub == null) {
                return;
            }
            for (String room : wanted) {
                if (!requested.contains(room)) {
                    add.add(room);
                }
            }
            for (String room : requested) {
                if (!wanted.contains(room)) {
                    remove.add(room);
                }
            }
            requested.clear();
            requested.addAll(wanted);
        } finally {
            lock.unlock();
        }
        remove.forEach(inbound::forgetRoom);
        try {
            if (!add.isEmpty()) {
                pubSub.subscribe(channels(add));
            }
            if (!remove.isEmpty()) {
                pubSub.unsubscribe(channels(remove));
            }
        } catch (JedisException e) {
            log.debug("{} could not update the subscription ({}); it is renewed on reconnection", context.self(), e.toString());
        }
    }

    private void probe(long deadAfterNanos) {
        RoomPubSub pubSub;
        lock.lock();
        try {
            pubSub = live;
        } finally {
            lock.unlock();
        }
        if (pubSub == null) {
            long since = subscribingSinceNanos;
            if (since != 0 && System.nanoTime() - since > deadAfterNanos) {
                log.debug("{} subscription unconfirmed for longer than the presence TTL: reopening it", context.self());
                connection.abort();
            }
            return;
        }
        if (System.nanoTime() - lastPongNanos > deadAfterNanos) {
            log.debug("{} subscription silent for longer than the presence TTL: reopening it", context.self());
            connection.abort();
            return;
        }
        try {
            pubSub.ping();
        } catch (JedisException e) {
            connection.abort();
        }
    }

    private byte[][] channels(List<String> rooms) {
        return rooms.stream().map(context.keys()::roomChannel).toArray(byte[][]::new);
    }

    /** Redis confirmed the instance's own channel: the subscription is live. Receiving thread. */
    private void confirmed(RoomPubSub pubSub) {
        int rooms;
        lock.lock();
        try {
            live = pubSub;
            requested.clear();
            requested.addAll(pubSub.initial);
            rooms = wanted.size();
        } finally {
            lock.unlock();
        }
        lastPongNanos = System.nanoTime();
        subscribingSinceNanos = 0;
        pubSub.backoff.reset();
        changes.release();
        if (subscribedBefore) {
            log.info("{} resubscribed to the channels of {} rooms", context.self(), rooms);
        }
        subscribedBefore = true;
        context.health().up(Link.SUBSCRIBER);
    }

    /** One subscription's callbacks, on the receiving thread. */
    private final class RoomPubSub extends BinaryJedisPubSub {
        final ReconnectBackoff backoff;
        final Set<String> initial;

        RoomPubSub(ReconnectBackoff backoff, Set<String> initial) {
            this.backoff = backoff;
            this.initial = initial;
        }

        @Override
        public void onSubscribe(byte[] channel, int subscribedChannels) {
            if (Arrays.equals(channel, ownChannel)) {
                confirmed(this);
                return;
            }
            context.keys().roomOf(channel).ifPresent(room -> {
                lock.lock();
                try {
                    confirmedRooms.add(room);
                    confirmation.signalAll();
                } finally {
                    lock.unlock();
                }
            });
        }

        @Override
        public void onUnsubscribe(byte[] channel, int subscribedChannels) {
            context.keys().roomOf(channel).ifPresent(room -> {
                lock.lock();
                try {
                    confirmedRooms.remove(room);
                } finally {
                    lock.unlock();
                }
            });
        }

        @Override
        public void onMessage(byte[] channel, byte[] message) {
            inbound.accept(channel, message);
        }

        @Override
        public void onPong(byte[] pattern) {
            lastPongNanos = System.nanoTime();
            context.health().up(Link.SUBSCRIBER);
        }
    }
}
