package dev.weft.redis;

import dev.weft.core.rooms.LocalRooms;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomNotice;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.SystemBinary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * What a Redis restart costs a conversation across two instances, with the bridge's default
 * configuration: instance a says {@code rate} numbered lines a second in a room, instance b
 * receives them; Redis is killed ({@code SIGKILL}, its data lost) and started again after
 * {@code outage}. Prints, per outage: how long after Redis was back b got lines again, how many
 * lines said around the outage b never got, how many of those b noticed as gaps, and what a
 * dropped. Not a test; run it by hand like {@link RoomBridgeBenchmark}, arguments
 * {@code [rate=1000] [outage-ms...=0 2000]}.
 */
public final class RedisRestartCost {

    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(8);
    private static final Duration DRAIN = Duration.ofSeconds(3);

    private RedisRestartCost() {
    }

    static {
        // The table is the output; the bridge's INFO lines about the outage would interleave with it.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long[] outages = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                : new long[] {0, 2_000};
        Path binary = SystemBinary.find("redis-server")
                .orElseThrow(() -> new IllegalStateException("redis-server is not on PATH (apt-get install redis-server)"));
        System.out.printf(Locale.ROOT, "a says %d lines/s to b; Redis killed, then restarted after the outage%n", rate);
        System.out.println("| outage | b receives again after restart | said | b got | lost | b's gaps counted | a dropped |"
                + " reconnects a/b |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (long outage : outages) {
            try (RedisServer redis = RedisServer.start(binary)) {
                run(redis, rate, Duration.ofMillis(outage));
            }
        }
    }

    private static void run(RedisServer redis, int rate, Duration outage) throws Exception {
        Receiver receiver = new Receiver();
        Receiver sender = new Receiver();
        sender.members.put("lobby", Set.of("alice"));
        RedisRoomBridge a = new RedisRoomBridge(RoomBridgeConfig.of(RedisEndpoint.of(redis.uri()), "a"), sender).start();
        RedisRoomBridge b = new RedisRoomBridge(RoomBridgeConfig.of(RedisEndpoint.of(redis.uri()), "b"), receiver).start();
        try {
            await(a::connected);
            await(b::connected);
            a.claim("lobby", "alice");
            a.joined("lobby", "alice");
            receiver.members.put("lobby", Set.of("bob"));
            b.claim("lobby", "bob");
            b.joined("lobby", "bob");
            AtomicLong said = new AtomicLong();
            long end = System.nanoTime() + BEFORE.toNanos() + outage.toNanos() + AFTER.toNanos();
            Thread speaker = Thread.ofVirtual().start(() -> {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    next += interval;
                    LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                    a.publish("lobby", "alice", Long.toString(said.incrementAndGet()));
                }
            });
            LockSupport.parkNanos(BEFORE.toNanos());
            redis.kill();
            LockSupport.parkNanos(outage.toNanos());
            redis.restart();
            long restartedAt = System.nanoTime();
            long lastBefore = receiver.lastReceivedAt.get();
            await(() -> receiver.lastReceivedAt.get() > restartedAt || System.nanoTime() > end);
            long resumed = receiver.lastReceivedAt.get() > restartedAt ? receiver.lastReceivedAt.get() - restartedAt : -1;
            speaker.join();
            LockSupport.parkNanos(DRAIN.toNanos());
            long got = receiver.received.get();
            System.out.printf(Locale.ROOT, "| %d ms | %s | %d | %d | %d | %d | %d | %d/%d |%n", outage.toMillis(),
                    resumed < 0 ? "not within the run" : TimeUnit.NANOSECONDS.toMillis(resumed) + " ms",
                    said.get(), got, said.get() - got, b.metrics().delivery().missing(), a.metrics().delivery().dropped(),
                    a.metrics().link().reconnects(), b.metrics().link().reconnects());
            if (lastBefore == 0) {
                System.out.println("(b had received nothing before the kill: the run is not meaningful)");
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still waiting after 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Counts the lines b receives. */
    private static final class Receiver implements LocalRooms {
        final Map<String, Set<String>> members = new ConcurrentHashMap<>();
        final AtomicLong received = new AtomicLong();
        final AtomicLong lastReceivedAt = new AtomicLong();

        @Override
        public void deliver(String room, RoomLine line) {
            received.incrementAndGet();
            lastReceivedAt.set(System.nanoTime());
        }

        @Override
        public void notice(String room, RoomNotice notice) {
        }

        @Override
        public Map<String, Set<String>> members() {
            return Map.copyOf(members);
        }

        @Override
        public void claimLost(String room, String nickname, String holderInstance) {
        }
    }
}
