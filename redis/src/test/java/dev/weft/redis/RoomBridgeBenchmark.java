package dev.weft.redis;

import dev.weft.core.rooms.LocalRooms;
import dev.weft.core.rooms.RoomLine;
import dev.weft.core.rooms.RoomNotice;
import dev.weft.testing.external.RedisServer;
import dev.weft.testing.external.SystemBinary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Measures the bridge with simulated members: {@code members} members spread round-robin over
 * {@code instances} bridges (each its own {@link RedisRoomBridge} over one real
 * {@code redis-server}), in {@code rooms} rooms. Each instance's speakers say lines in their rooms;
 * a line reaches the speaker's own instance's members at once (the local fan-out the chat-rooms
 * service does), and the other instances' members through Redis. Every receipt is timed from the
 * moment the line was handed to the bridge.
 *
 * <p>Two runs per cluster size, 1 instance (the same load with no cross-instance traffic) then 3:
 * <ul>
 *   <li><b>paced</b>: {@code rate} lines per second in all, spread over the instances, for the
 *       measured seconds: latency at a load the cluster carries;
 *   <li><b>flat out</b>: each instance's speaker says lines as fast as its publish queue takes
 *       them: the most lines per second that cross instances.
 * </ul>
 * Everything shares this machine's cores — Redis, three bridges, the speakers — so the figures are
 * end-to-end ones for this box. It measures what the bridge and Redis carry without sockets to
 * members; {@code scripts/cluster-bench.sh} measures the chat sample end to end, with real
 * instances and TCP members, and the cost of a Redis restart. Not a test (no assertion, not run
 * by the build); run it by hand:
 * <pre>
 * scripts/with-jdk21 mvn -B -q -pl redis -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/redis-cp.txt
 * scripts/with-jdk21 java -cp redis/target/test-classes:redis/target/classes:$(cat /tmp/redis-cp.txt) \
 *     dev.weft.redis.RoomBridgeBenchmark [seconds=10] [rate=5000] [members=1000] [rooms=10]
 * </pre>
 */
public final class RoomBridgeBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final String TEXT = "x".repeat(64);

    private RoomBridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rooms = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path binary = SystemBinary.find("redis-server")
                .orElseThrow(() -> new IllegalStateException("redis-server is not on PATH (apt-get install redis-server)"));
        System.out.printf(Locale.ROOT, "%d members in %d rooms (%d per room), lines of %d bytes, %s measured after %s%n",
                members, rooms, members / rooms, TEXT.length(), measured, WARM_UP);
        System.out.println("| instances | load | lines/s said | receipts/s | lines/s received across | p50 | p99 | max"
                + " | cross-instance p50 | p99 | dropped | missing |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int instances : new int[] {1, 3}) {
            for (boolean flatOut : new boolean[] {false, true}) {
                try (RedisServer redis = RedisServer.start(binary)) {
                    new Run(redis, instances, members, rooms).measure(flatOut ? 0 : rate, measured);
                }
            }
        }
    }

    /** One cluster and its simulated members. */
    private static final class Run {
        private final List<RedisRoomBridge> bridges = new ArrayList<>();
        private final List<SimulatedRooms> locals = new ArrayList<>();
        private final ConcurrentHistogram all = histogram();
        private final ConcurrentHistogram crossing = histogram();
        private final LongAdder receipts = new LongAdder();
        private final LongAdder linesAcross = new LongAdder();
        private volatile boolean measuring;

        Run(RedisServer redis, int instances, int members, int rooms) {
            for (int i = 0; i < instances; i++) {
                SimulatedRooms local = new SimulatedRooms();
                locals.add(local);
                RoomBridgeConfig config = RoomBridgeConfig.of(RedisEndpoint.of(redis.uri()), "bench-" + i)
                        .withPublishQueueCapacity(100_000);
                bridges.add(new RedisRoomBridge(config, local).start());
            }
            bridges.forEach(bridge -> awaitConnected(bridge));
            for (int m = 0; m < members; m++) {
                int instance = m % instances;
                String room = "room-" + (m % rooms);
                String nick = "member-" + m;
                locals.get(instance).add(room, nick);
                if (!bridges.get(instance).claim(room, nick).granted()) {
                    throw new IllegalStateException(nick + " refused");
                }
                bridges.get(instance).joined(room, nick);
            }
        }

        void measure(int rate, Duration measured) throws InterruptedException {
            List<Thread> speakers = new ArrayList<>();
            long end = System.nanoTime() + WARM_UP.toNanos() + measured.toNanos();
            for (int i = 0; i < bridges.size(); i++) {
                int instance = i;
                int perInstance = rate / bridges.size();
                speakers.add(Thread.ofVirtual().name("speaker-" + i).start(() -> speak(instance, perInstance, end)));
            }
            LockSupport.parkNanos(WARM_UP.toNanos());
            long before = receipts.sum();
            long acrossBefore = linesAcross.sum();
            long saidBefore = said();
            measuring = true;
            long start = System.nanoTime();
            for (Thread speaker : speakers) {
                speaker.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long said = said() - saidBefore;
            long got = receipts.sum() - before;
            long across = linesAcross.sum() - acrossBefore;
            measuring = false;
            LockSupport.parkNanos(DRAIN.toNanos());
            long dropped = 0;
            long missing = 0;
            for (RedisRoomBridge bridge : bridges) {
                dropped += bridge.metrics().delivery().dropped();
                missing += bridge.metrics().delivery().missing();
                bridge.close();
            }
            System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %,.0f | %,.0f | %s | %s | %s | %s | %s | %d | %d |%n",
                    bridges.size(), rate == 0 ? "flat out" : "paced " + rate + "/s", said / seconds, got / seconds,
                    across / seconds, micros(all, 50), micros(all, 99), max(all),
                    bridges.size() == 1 ? "–" : micros(crossing, 50), bridges.size() == 1 ? "–" : micros(crossing, 99),
                    dropped, missing);
        }

        private long said() {
            return locals.stream().mapToLong(local -> local.said.sum()).sum();
        }

        /** One instance's speaker: its members take turns saying lines, paced or flat out. */
        private void speak(int instance, int linesPerSecond, long endNanos) {
            RedisRoomBridge bridge = bridges.get(instance);
            SimulatedRooms local = locals.get(instance);
            List<Map.Entry<String, String>> speakers = local.speakers();
            long interval = linesPerSecond == 0 ? 0 : 1_000_000_000L / linesPerSecond;
            long next = System.nanoTime();
            for (int turn = 0; System.nanoTime() < endNanos; turn++) {
                if (interval > 0) {
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                Map.Entry<String, String> speaker = speakers.get(turn % speakers.size());
                long saidAt = System.nanoTime();
                while (!bridge.publish(speaker.getKey(), speaker.getValue(), TEXT)) {
                    if (System.nanoTime() >= endNanos) {
                        return;
                    }
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                }
                local.said.increment();
                // The chat-rooms service's own fan-out: the speaker's local room mates, at once.
                int localMates = local.size(speaker.getKey()) - 1;
                receipts.add(localMates);
                if (measuring && localMates > 0) {
                    all.recordValueWithCount(Math.max(1, (System.nanoTime() - saidAt) / 1_000), localMates);
                }
            }
        }

        /** The members of one instance, and where lines from the others land. */
        private final class SimulatedRooms implements LocalRooms {
            private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();
            final LongAdder said = new LongAdder();

            void add(String room, String nick) {
                rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(nick);
            }

            int size(String room) {
                return rooms.getOrDefault(room, Set.of()).size();
            }

            List<Map.Entry<String, String>> speakers() {
                List<Map.Entry<String, String>> speakers = new ArrayList<>();
                rooms.forEach((room, nicks) -> nicks.forEach(nick -> speakers.add(Map.entry(room, nick))));
                return speakers;
            }

            @Override
            public void deliver(String room, RoomLine line) {
                int members = size(room);
                receipts.add(members);
                linesAcross.increment();
                if (measuring && members > 0) {
                    long micros = Math.max(1, Duration.between(line.sentAt(), Instant.now()).toNanos() / 1_000);
                    all.recordValueWithCount(micros, members);
                    crossing.recordValue(micros);
                }
            }

            @Override
            public void notice(String room, RoomNotice notice) {
            }

            @Override
            public Map<String, Set<String>> members() {
                Map<String, Set<String>> copy = new HashMap<>();
                rooms.forEach((room, nicks) -> copy.put(room, Set.copyOf(nicks)));
                return copy;
            }

            @Override
            public void claimLost(String room, String nickname, String holderInstance) {
            }
        }
    }

    private static void awaitConnected(RedisRoomBridge bridge) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!bridge.connected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(bridge.instanceName() + " did not connect to Redis");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private static String micros(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "–" : format(histogram.getValueAtPercentile(percentile));
    }

    private static String max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "–" : format(histogram.getMaxValue());
    }

    private static String format(long micros) {
        return micros < 1_000 ? micros + " µs" : String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
    }

    static {
        // The benchmark's own output is the table; the bridge's INFO lines would interleave with it.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
}
