package dev.weft.samples.chat;

import dev.weft.testing.external.RedisServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the chat sample as a cluster, end to end: real chat instances (each its own process,
 * {@code chat --redis ... --instance ...}, the defaults users get), one real {@code redis-server},
 * and real TCP members in this process, each reading on its own virtual thread. Members are spread
 * round-robin over the instances and the rooms; one thread says lines at a fixed rate, each from
 * the next member in turn; every member times every line it hears from the speaker's write to its
 * own read.
 *
 * <ul>
 *   <li>{@code load}: the same load on one instance without Redis, one instance with Redis, and
 *       three instances with Redis: lines said and heard per second, latency p50/p99/max (all
 *       lines, and those that crossed instances), lines lost and heard twice.
 *   <li>{@code restart}: three instances under load, Redis killed ({@code SIGKILL}) and restarted
 *       after an outage: what the outage cost (lines that did not cross instances, local lines
 *       lost) and how long after the restart lines crossed again.
 * </ul>
 * Everything shares this machine's cores — Redis, the instances, the members — so the figures are
 * this box's. Not a test: run it with {@code scripts/cluster-bench.sh}.
 */
@Command(name = "cluster-bench", mixinStandardHelpOptions = true, subcommands = {
    ChatClusterBenchmark.Load.class, ChatClusterBenchmark.Restart.class})
public final class ChatClusterBenchmark {

    private ChatClusterBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChatClusterBenchmark()).execute(args));
    }

    /** What both scenarios take. */
    static class Shape {
        @Option(names = "--members", description = "TCP members in all (default: ${DEFAULT-VALUE})")
        int members = 1_000;
        @Option(names = "--rooms", description = "rooms, members spread evenly (default: ${DEFAULT-VALUE})")
        int rooms = 10;
        @Option(names = "--rate", description = "lines said per second in all (default: ${DEFAULT-VALUE})")
        int rate = 200;
        @Option(names = "--warm-up", description = "seconds at the rate before measuring (default: ${DEFAULT-VALUE})")
        int warmUpSeconds = 5;
    }

    @Command(name = "load", description = "1 instance without Redis, 1 with, 3 with: throughput and latency")
    static final class Load extends Shape implements Callable<Integer> {
        @Option(names = "--seconds", description = "measured seconds (default: ${DEFAULT-VALUE})")
        int seconds = 20;
        @Option(names = "--runs", split = ",", paramLabel = "INSTANCES:REDIS",
                description = "the runs, in order (default: ${DEFAULT-VALUE})")
        List<String> runs = List.of("1:no", "1:yes", "3:yes");

        @Override
        public Integer call() throws Exception {
            System.out.printf(Locale.ROOT, "%d TCP members in %d rooms, %d lines/s said in all, %d s measured after"
                    + " %d s of warm-up%n%n", members, rooms, rate, seconds, warmUpSeconds);
            System.out.println("| instances | Redis | lines/s said | lines/s heard | across instances | p50 | p99 | max"
                    + " | across: p50 | p99 | lost | twice |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (String run : runs) {
                String[] parts = run.split(":");
                try (Cluster cluster = Cluster.start(Integer.parseInt(parts[0]), parts[1].equals("yes"), this)) {
                    cluster.say('w', warmUpSeconds);
                    Said said = cluster.say('m', seconds);
                    cluster.drain('m', said);
                    cluster.report(said, seconds);
                }
            }
            return 0;
        }
    }

    @Command(name = "restart", description = "3 instances under load; Redis killed and restarted: the cost")
    static final class Restart extends Shape implements Callable<Integer> {
        @Option(names = "--outage-ms", description = "how long Redis stays down (default: ${DEFAULT-VALUE})")
        int outageMillis = 2_000;
        @Option(names = "--after", description = "seconds measured after the restart (default: ${DEFAULT-VALUE})")
        int afterSeconds = 10;

        @Override
        public Integer call() throws Exception {
            try (Cluster cluster = Cluster.start(3, true, this)) {
                cluster.say('w', warmUpSeconds);
                cluster.redis.orElseThrow().kill();
                Said during = cluster.sayForMillis('o', outageMillis);
                cluster.redis.orElseThrow().restart();
                cluster.tally.mark();
                Said after = cluster.say('a', afterSeconds);
                cluster.drain('a', after);
                long[] resumed = cluster.tally.millisToAcrossAfterMark();
                System.out.printf(Locale.ROOT, "| outage | lines said during it | their receipts across instances"
                        + " | their receipts on the speaker's instance | lines cross again after the restart: first"
                        + " instance, every instance | lines said in the %d s after | their receipts across instances |%n",
                        afterSeconds);
                System.out.println("|---|---|---|---|---|---|---|");
                System.out.printf(Locale.ROOT, "| %,d ms | %,d | %,d of %,d | %,d of %,d | %,d ms, %,d ms | %,d | %,d of %,d |%n",
                        outageMillis, during.lines, cluster.tally.received('o', true), during.expectedAcross,
                        cluster.tally.received('o', false) - cluster.tally.received('o', true),
                        during.expected - during.expectedAcross, resumed[0], resumed[1],
                        after.lines, cluster.tally.received('a', true), after.expectedAcross);
            }
            return 0;
        }
    }

    /** Lines said in one phase, and how many receipts they should make. */
    record Said(long lines, long expected, long expectedAcross) {
    }

    /** Redis (maybe), the instances, the members, and what they heard. */
    private static final class Cluster implements AutoCloseable {
        private final Optional<RedisServer> redis;
        private final List<ChatProcess> instances = new ArrayList<>();
        private final List<BenchMember> members = new ArrayList<>();
        private final Tally tally;
        private final Shape shape;
        private final String label;
        private int next;
        private long[][] listeners;

        private Cluster(Optional<RedisServer> redis, int instances, Shape shape, String label) {
            this.redis = redis;
            this.tally = new Tally(members, instances);
            this.shape = shape;
            this.label = label;
        }

        static Cluster start(int instances, boolean withRedis, Shape shape) throws Exception {
            Optional<RedisServer> redis = withRedis ? Optional.of(RedisServer.start()) : Optional.empty();
            Cluster cluster = new Cluster(redis, instances, shape, "| " + instances + " | " + (withRedis ? "yes" : "no") + " ");
            try {
                for (int i = 1; i <= instances; i++) {
                    String name = "chat-" + i;
                    cluster.instances.add(ChatProcess.start(name,
                            redis.map(r -> List.of("--redis", r.uri(), "--instance", name)).orElse(List.of())));
                }
                cluster.join();
                return cluster;
            } catch (Exception | Error e) {
                cluster.close();
                throw e;
            }
        }

        /** Connects every member, twenty at a time, then starts them listening. */
        private void join() throws Exception {
            try (ExecutorService joining = Executors.newFixedThreadPool(20, Thread.ofVirtual().factory())) {
                List<Future<BenchMember>> joined = new ArrayList<>();
                for (int m = 0; m < shape.members; m++) {
                    int index = m;
                    int instance = m % instances.size();
                    String room = "room-" + (m % shape.rooms);
                    joined.add(joining.submit(() -> BenchMember.join(index, instance, instances.get(instance).tcpPort(), room)));
                }
                for (Future<BenchMember> member : joined) {
                    members.add(member.get());
                }
            }
            for (BenchMember member : members) {
                member.listen(tally);
            }
        }

        /** How many members of {@code speaker}'s room hear it, in all and on other instances. */
        private long[] listeners(BenchMember speaker) {
            long inRoom = 0;
            long across = 0;
            for (BenchMember member : members) {
                if (member != speaker && member.room.equals(speaker.room)) {
                    inRoom++;
                    if (member.instance != speaker.instance) {
                        across++;
                    }
                }
            }
            return new long[] {inRoom, across};
        }

        Said say(char phase, int seconds) throws IOException {
            return sayForMillis(phase, seconds * 1_000L);
        }

        /** Says lines at the rate for {@code millis}, each from the next member in turn. */
        Said sayForMillis(char phase, long millis) throws IOException {
            if (listeners == null) {
                listeners = members.stream().map(this::listeners).toArray(long[][]::new);
            }
            long interval = 1_000_000_000L / shape.rate;
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            long lines = 0;
            long expected = 0;
            long expectedAcross = 0;
            for (long due = start; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = next++ % members.size();
                members.get(index).speak(phase);
                lines++;
                expected += listeners[index][0];
                expectedAcross += listeners[index][1];
            }
            return new Said(lines, expected, expectedAcross);
        }

        /** Waits until every line of {@code phase} was heard, or five quiet seconds passed. */
        void drain(char phase, Said said) {
            long last = -1;
            long quietSince = System.nanoTime();
            while (tally.received(phase, false) < said.expected && System.nanoTime() - quietSince < 5_000_000_000L) {
                long now = tally.received(phase, false);
                if (now != last) {
                    last = now;
                    quietSince = System.nanoTime();
                }
                LockSupport.parkNanos(50_000_000);
            }
        }

        void report(Said said, int seconds) {
            Histogram all = tally.all;
            Histogram across = tally.across;
            long heard = tally.received('m', false);
            System.out.printf(Locale.ROOT, "%s| %,d | %,d | %,d | %s | %s | %s | %s | %s | %,d | %,d |%n", label,
                    said.lines / seconds, heard / seconds, tally.received('m', true) / seconds,
                    micros(all.getValueAtPercentile(50)), micros(all.getValueAtPercentile(99)), micros(all.getMaxValue()),
                    across.getTotalCount() == 0 ? "–" : micros(across.getValueAtPercentile(50)),
                    across.getTotalCount() == 0 ? "–" : micros(across.getValueAtPercentile(99)),
                    said.expected - heard, tally.duplicates.sum());
        }

        private static String micros(long micros) {
            return micros < 1_000 ? micros + " µs" : String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }

        @Override
        public void close() {
            for (BenchMember member : members) {
                try {
                    member.close();
                } catch (IOException e) {
                    // closing at the end of a run: nothing to do
                }
            }
            instances.forEach(ChatProcess::close);
            redis.ifPresent(RedisServer::close);
        }
    }
}
