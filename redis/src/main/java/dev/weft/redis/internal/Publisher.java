package dev.weft.redis.internal;

import dev.weft.redis.RoomHistoryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * The one thread that writes room messages to Redis. Client threads {@link #offer} work to a
 * bounded queue and return at once; this thread takes up to {@link #MAX_BATCH} items at a time,
 * stamps each message with its sequence number, and sends them in one pipeline: {@code PUBLISH}
 * to the room's channel, and for a line {@code XADD ... MAXLEN ~ N} plus {@code PEXPIRE} on the
 * room's history.
 *
 * <p>One publisher connection is what makes "in the order each publisher sent them" hold: Redis
 * serves one connection's commands in order, and delivers one channel's messages to each
 * subscriber in that order. When a batch fails, the connection is reopened with back-off and the
 * same stamped batch is sent again: receivers discard what they already had by its sequence
 * number, and history reads skip the repeated entries. While Redis is away the queue fills;
 * beyond its capacity new messages are dropped and counted.
 */
public final class Publisher implements Runnable {

    /** The most items sent in one pipeline. */
    public static final int MAX_BATCH = 512;

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private static final byte[] HISTORY_FIELD = RedisKeys.bytes("m");

    private final BridgeContext context;
    private final PresenceScripts scripts;
    private final ArrayBlockingQueue<Outbound> queue;
    private final OwnedConnection connection;
    private final PublisherSequences sequences = new PublisherSequences();
    private final List<Pending> batch = new ArrayList<>(MAX_BATCH);
    private final List<Outbound> taken = new ArrayList<>(MAX_BATCH);
    private boolean finishing;

    /**
     * @param context the bridge's shared parts
     * @param scripts the presence scripts, for releases
     */
    public Publisher(BridgeContext context, PresenceScripts scripts) {
        this.context = context;
        this.scripts = scripts;
        this.queue = new ArrayBlockingQueue<>(context.config().publishQueueCapacity());
        this.connection = new OwnedConnection(context.connector(), "publisher", context.config().redis().commandTimeout());
    }

    /**
     * Queues {@code item} without waiting.
     *
     * @return false when the queue is full: the item is dropped (a message is counted as such)
     */
    public boolean offer(Outbound item) {
        if (queue.offer(item)) {
            return true;
        }
        if (item instanceof Outbound.Message) {
            context.counters().dropped.increment();
        }
        return false;
    }

    /** Asks the thread to send what is queued and stop; it stops sooner if Redis is unreachable. */
    public void finish() {
        queue.offer(new Outbound.Finish());
    }

    /** Makes a send blocked on Redis fail now (the bridge is halting). */
    public void abort() {
        connection.abort();
    }

    @Override
    public void run() {
        ReconnectBackoff backoff = context.backoff();
        Duration idle = context.config().presence().heartbeatInterval();
        try {
            while (!context.lifecycle().halted()) {
                if (!connected(backoff)) {
                    return;
                }
                if (batch.isEmpty()) {
                    if (finishing) {
                        return;
                    }
                    if (!takeBatch(idle)) {
                        keepAlive();
                        continue;
                    }
                }
                if (send()) {
                    backoff.reset();
                } else if (context.lifecycle().closing() || context.lifecycle().pauseBeforeRetry(backoff.next())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dropUnsent();
            connection.close();
        }
    }

    /**
     * Opens the connection if there is none, retrying with back-off (the queue meanwhile fills).
     *
     * @return false if the bridge closes before Redis could be reached
     */
    private boolean connected(ReconnectBackoff backoff) {
        while (!connection.isOpen()) {
            try {
                connection.get();
                context.health().up(Link.PUBLISHER);
                backoff.reset();
            } catch (JedisException e) {
                connection.discard();
                if (context.lifecycle().closing()) {
                    return false;
                }
                context.health().down(Link.PUBLISHER, e);
                if (context.lifecycle().pauseBeforeRetry(backoff.next())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Pings when idle, so a connection that died quietly is noticed (and reopened) before it is needed. */
    private void keepAlive() {
        try {
            connection.get().ping();
            context.health().up(Link.PUBLISHER);
        } catch (JedisException e) {
            connection.discard();
            if (!context.lifecycle().closing()) {
                context.health().down(Link.PUBLISHER, e);
            }
        }
    }

    /**
     * Waits up to {@code idle} for work and moves up to {@link #MAX_BATCH} items into the batch.
     *
     * @return false if no work came
     */
    private boolean takeBatch(Duration idle) throws InterruptedException {
        Outbound first = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return false;
        }
        taken.add(first);
        queue.drainTo(taken, MAX_BATCH - 1);
        for (Outbound item : taken) {
            switch (item) {
                case Outbound.Message message -> stamp(message);
                case Outbound.Release release -> batch.add(new Pending.Release(release.entry()));
                case Outbound.Finish finish -> finishing = true;
            }
        }
        taken.clear();
        return true;
    }

    private void stamp(Outbound.Message message) {
        Stamp stamp = sequences.next(context.self(), message.room(), message.acceptedAtMicros());
        WireMessage wire = new WireMessage(message.kind(), message.room(), stamp, message.nickname(),
                message.memberInstance(), message.text());
        byte[] payload;
        try {
            payload = WireCodec.encode(wire);
        } catch (IllegalArgumentException e) {
            context.counters().dropped.increment();
            log.warn("{} dropped a message too large to publish in room {}: {}", context.self(), message.room(),
                    e.getMessage());
            return;
        }
        RoomHistoryConfig history = context.config().history();
        byte[] historyKey = message.kind() == MessageKind.LINE && history.enabled()
                ? context.keys().history(message.room()) : null;
        batch.add(new Pending.Publish(context.keys().roomChannel(message.room()), historyKey, payload));
    }

    /** Sends the batch in one pipeline; false if Redis failed (the batch is kept for a retry). */
    private boolean send() {
        try {
            Jedis jedis = connection.get();
            Pipeline pipeline = jedis.pipelined();
            RoomHistoryConfig history = context.config().history();
            XAddParams trim = XAddParams.xAddParams().maxLen(history.length()).approximateTrimming();
            long retentionMillis = history.retention().toMillis();
            int messages = 0;
            for (Pending pending : batch) {
                switch (pending) {
                    case Pending.Publish publish -> {
                        pipeline.publish(publish.channel(), publish.payload());
                        if (publish.historyKey() != null) {
                            pipeline.xadd(publish.historyKey(), trim, Map.of(HISTORY_FIELD, publish.payload()));
                            pipeline.pexpire(publish.historyKey(), retentionMillis);
                        }
                        messages++;
                    }
                    case Pending.Release release -> scripts.release(pipeline, release.entry());
                }
            }
            reportErrors(pipeline.syncAndReturnAll());
            context.counters().published.add(messages);
            batch.clear();
            context.health().up(Link.PUBLISHER);
            return true;
        } catch (JedisException e) {
            connection.discard();
            if (!context.lifecycle().halted()) {
                context.health().down(Link.PUBLISHER, e);
            }
            return false;
        } catch (RuntimeException e) {
            // Not a failure Jedis reports as such: a bug here or there. Start over on a new connection.
            log.error("{} publishing failed unexpectedly; retrying on a new connection", context.self(), e);
            connection.discard();
            context.health().down(Link.PUBLISHER, e);
            return false;
        }
    }

    private void reportErrors(List<Object> replies) {
        for (Object reply : replies) {
            if (reply instanceof JedisDataException error) {
                log.warn("{} Redis refused a publish, history or release command: {}", context.self(), error.getMessage());
                return;
            }
        }
    }

    private void dropUnsent() {
        long unsent = batch.stream().filter(p -> p instanceof Pending.Publish).count();
        for (Outbound item : queue) {
            if (item instanceof Outbound.Message) {
                unsent++;
            }
        }
        queue.clear();
        batch.clear();
        if (unsent > 0) {
            context.counters().dropped.add(unsent);
            log.info("{} stopped with {} messages not published", context.self(), unsent);
        }
    }

    /** The longest the publisher may need to finish once asked: one pipeline's worth of waiting. */
    public Duration finishBound() {
        return context.config().redis().commandTimeout().plus(context.config().redis().connectTimeout());
    }

    /** An item of the batch, ready to send. */
    private sealed interface Pending {
        record Publish(byte[] channel, byte[] historyKey, byte[] payload) implements Pending {
        }

        record Release(ClaimEntry entry) implements Pending {
        }
    }
}
