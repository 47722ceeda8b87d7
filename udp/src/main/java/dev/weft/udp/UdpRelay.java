package dev.weft.udp;

import dev.weft.core.ClientRegistry;
import dev.weft.core.internal.ClientTable;
import dev.weft.core.limit.NanoClock;
import dev.weft.core.limit.RateLimit;
import dev.weft.core.limit.TokenBucket;
import dev.weft.core.rooms.ChatRooms;
import dev.weft.core.rooms.JoinResult;
import dev.weft.core.rooms.LeaveReason;
import dev.weft.core.rooms.Member;
import dev.weft.core.rooms.RoomRefusal;
import dev.weft.core.rooms.SayResult;
import dev.weft.udp.internal.JoinOutcome;
import dev.weft.udp.internal.PeerTable;
import dev.weft.udp.internal.RelayCommand;
import dev.weft.udp.internal.RelayCommandParser;
import dev.weft.udp.internal.UdpPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat relay over UDP: peers join rooms under nicknames, and each message is relayed to every
 * other member of the room. The rooms are the application's shared {@link ChatRooms}, so UDP
 * peers meet the members of every other protocol there — TCP chat connections, WebSocket
 * sessions — under nicknames unique across all of them; and each peer is a {@code Client} of the
 * shared {@link ClientRegistry}, a target of its broadcasts.
 *
 * <h2>Protocol</h2>
 * Every datagram carries one line of UTF-8 text; a trailing {@code "\n"} (or {@code "\r\n"}) is
 * optional from peers and always present from the relay. Commands are upper case, arguments are
 * separated by one space; rooms and nicknames are one word of letters, digits, {@code '-'} and
 * {@code '_'} (see {@link dev.weft.core.rooms.NameKind}).
 * <pre>
 * peer → relay                 relay → that peer                  relay → others in the room
 * JOIN &lt;room&gt; &lt;nickname&gt;       OK joined &lt;room&gt; as &lt;nickname&gt;     * &lt;nickname&gt; joined
 * MSG &lt;text&gt;                   (nothing)                          &lt;nickname&gt;: &lt;text&gt;
 * LEAVE                        OK left &lt;room&gt;                     * &lt;nickname&gt; left
 * PING                         PONG
 * (silent &gt; idle timeout)      (nothing; EXPIRED when it returns) * &lt;nickname&gt; left (expired)
 * anything else                ERR &lt;reason&gt;
 * </pre>
 * <ul>
 *   <li>A peer is its exact address <em>and port</em>: a datagram from any other port is another
 *       peer (or none), so it can neither leave, speak for nor evict an existing peer.</li>
 *   <li>{@code JOIN} from a peer already joined moves it to another room (old room told
 *       {@code * <nickname> left}, new room {@code * <nickname> joined}) or, in the same room,
 *       renames it (the room told {@code * <old> is now <new>}); the same {@code JOIN} again —
 *       say, because the {@code OK} was lost — is only acknowledged again. A nickname used by
 *       another member of the room, of any protocol, is refused.</li>
 *   <li>Any valid command is a sign of life. A peer silent for longer than
 *       {@link RelayConfig#idleTimeout()} is removed; the first datagram it sends afterwards,
 *       other than {@code JOIN}, is answered {@code EXPIRED} (it must {@code JOIN} again).</li>
 *   <li>Errors, each counted: malformed input — not UTF-8, empty, a control character or a second
 *       line, an unknown command, wrong arguments — is answered {@code ERR <reason>} and counted in
 *       {@link UdpMetrics#droppedMalformed()}; a datagram over
 *       {@link DatagramBuffers#maxDatagramBytes()} gets {@code ERR datagram too large (max N
 *       bytes)}; {@code MSG}, {@code LEAVE} or {@code PING} before {@code JOIN} gets {@code ERR not
 *       joined}; a {@code JOIN} from a new address over {@link RelayConfig#maxPeers()} gets
 *       {@code ERR server full (max N peers)}; a {@code JOIN} the rooms refuse gets {@code ERR}
 *       and the rooms' reason ({@link RoomRefusal#message()}: {@code nickname ann is taken},
 *       {@code too many rooms (max N)}, {@code room r is full (max N members)}, {@code nickname is
 *       N characters, the maximum is M}, ...). See {@link RelayMetrics}.</li>
 *   <li>Error replies ({@code ERR}, {@code EXPIRED}) to addresses that are not peers are limited
 *       to {@link RelayConfig#maxErrorRepliesPerSecond()} (a {@link TokenBucket}): source
 *       addresses can be forged, and the relay must not become an amplifier aimed at someone
 *       else.</li>
 * </ul>
 *
 * <p><b>Threading.</b> Made for {@link Dispatch#INLINE}: handling a datagram only touches memory
 * and queues datagrams, which never wait for a receiver; a message goes to the members of the
 * sender's room, read from the rooms map without a lock — never by scanning the registry. When
 * the rooms are in a cluster, a {@code JOIN} — which then waits for the other instances to grant
 * the nickname — runs on a virtual thread of its own, so the receive loop never waits for them. It is
 * also safe with {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM}, but then lines from one peer may
 * overtake each other. Expired peers are swept every {@link RelayConfig#sweepInterval()} by a
 * virtual thread that lives from {@link #started} to {@link #stopped}. Time — last-seen times,
 * expiry, the error-reply budget — comes from one {@link NanoClock}; tests give it one they move
 * and call {@link #sweep()} instead of waiting. One relay serves one server.
 */
public final class UdpRelay implements DatagramHandler {

    /**
     * The most {@code JOIN}s that may wait for the rooms' cluster at once (see
     * {@link ChatRooms#attach}); more get {@code ERR server busy}. Each waits at most the
     * cluster's timeout, and none waits while the cluster is known to be unreachable.
     */
    public static final int MAX_JOINS_AWAITING_CLUSTER = 256;

    private static final Logger log = LoggerFactory.getLogger(UdpRelay.class);

    private final RelayConfig config;
    private final ChatRooms rooms;
    private final NanoClock clock;
    private final PeerTable table;
    private final TokenBucket errorBudget;
    private final RelayCounters counters = new RelayCounters();
    private final Semaphore clusterJoins = new Semaphore(MAX_JOINS_AWAITING_CLUSTER);
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch stopSweeping = new CountDownLatch(1);
    private boolean started;
    private Thread sweeper;

    /**
     * Creates a relay on the system clock.
     *
     * @param config   the limits and timings
     * @param rooms    the application's shared rooms, where peers become members
     * @param registry the application's shared registry, where peers become clients; made by
     *                 {@link ClientRegistry#create()}
     */
    public UdpRelay(RelayConfig config, ChatRooms rooms, ClientRegistry registry) {
        this(config, rooms, registry, NanoClock.system());
    }

    /**
     * Creates a relay that reads the time from {@code clock}: give it a controllable one to test
     * expiry and the error budget without waiting.
     *
     * @param config   the limits and timings
     * @param rooms    the application's shared rooms, where peers become members
     * @param registry the application's shared registry, where peers become clients; made by
     *                 {@link ClientRegistry#create()}
     * @param clock    the source of "now" for last-seen times, expiry and the error budget
     */
    public UdpRelay(RelayConfig config, ChatRooms rooms, ClientRegistry registry, NanoClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.table = new PeerTable(config, rooms, ClientTable.of(Objects.requireNonNull(registry, "registry")));
        this.errorBudget = new TokenBucket(RateLimit.perSecond(config.maxErrorRepliesPerSecond()), clock);
    }

    @Override
    public DatagramOutcome handle(Datagram datagram, DatagramSender out) {
        InetSocketAddress from = datagram.sender();
        RelayCommand command = RelayCommandParser.parse(datagram.payload());
        switch (command) {
            case RelayCommand.Join join -> {
                if (rooms.cluster().isPresent()) {
                    joinOffTheLoop(from, join, out);
                } else {
                    join(from, join, out);
                }
            }
            case RelayCommand.Message message -> message(from, message.text(), out);
            case RelayCommand.Leave leave -> leave(from, out);
            case RelayCommand.Ping ping -> ping(from, out);
            case RelayCommand.Malformed malformed -> {
                log.debug("malformed datagram from {}: {}", from, malformed.reason());
                replyError(out, from, "ERR " + malformed.reason());
                return DatagramOutcome.MALFORMED;
            }
        }
        return DatagramOutcome.HANDLED;
    }

    /**
     * A join when the rooms are in a cluster, which they ask before answering (up to its
     * timeout): on a virtual thread of its own, so the receive loop never waits for the cluster.
     * At most {@link #MAX_JOINS_AWAITING_CLUSTER} wait at once; more are refused and counted as
     * {@link RelayMetrics#rejectedServerFull()}.
     */
    private void joinOffTheLoop(InetSocketAddress from, RelayCommand.Join join, DatagramSender out) {
        if (!clusterJoins.tryAcquire()) {
            counters.rejectedServerFull.increment();
            replyError(out, from, "ERR server busy (" + MAX_JOINS_AWAITING_CLUSTER + " joins wait); try again");
            return;
        }
        Thread.ofVirtual().name("udp-relay-join").start(() -> {
            try {
                join(from, join, out);
            } catch (RuntimeException e) {
                log.error("JOIN from {} failed", from, e);
            } finally {
                clusterJoins.release();
            }
        });
    }

    private void join(InetSocketAddress from, RelayCommand.Join join, DatagramSender out) {
        long now = clock.nanoTime();
        JoinOutcome outcome = table.join(from, join.room(), join.nickname(), now,
                id -> new UdpPeer(id, from, now, out, this::closePeer));
        switch (outcome) {
            case JoinOutcome.ServerFull full -> {
                counters.rejectedServerFull.increment();
                replyError(out, from, "ERR server full (max " + full.maxPeers() + " peers)");
            }
            case JoinOutcome.Answered answered -> joinAnswered(answered.peer(), answered.result(), out);
            case JoinOutcome.Superseded superseded -> log.debug("a JOIN from {} was superseded by another command", from);
        }
    }

    private void joinAnswered(UdpPeer peer, JoinResult result, DatagramSender out) {
        switch (result) {
            case JoinResult.Joined joined -> {
                counters.joins.increment();
                acknowledge(peer, joined.member(), out);
                log.debug("{} joined {} as {}", peer, joined.member().room(), joined.member().nickname());
            }
            case JoinResult.AlreadyJoined again -> acknowledge(peer, again.member(), out); // our OK was lost
            case RoomRefusal refusal -> {
                counters.rejectedByRooms.increment();
                replyError(out, peer.remoteAddress(), "ERR " + refusal.message());
            }
        }
    }

    private static void acknowledge(UdpPeer peer, Member member, DatagramSender out) {
        reply(out, peer.remoteAddress(), "OK joined " + member.room() + " as " + member.nickname());
    }

    private void message(InetSocketAddress from, String text, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        peer.get().touch(clock.nanoTime());
        switch (rooms.say(peer.get(), text)) {
            case SayResult.Said said -> counters.messagesRelayed.increment();
            case RoomRefusal refusal -> {
                counters.rejectedByRooms.increment();
                replyError(out, from, "ERR " + refusal.message());
            }
        }
    }

    private void leave(InetSocketAddress from, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        Optional<Member> where = rooms.memberOf(peer.get());
        if (removePeer(peer.get(), LeaveReason.LEFT)) {
            reply(out, from, where.map(member -> "OK left " + member.room()).orElse("OK left"));
        }
    }

    private void ping(InetSocketAddress from, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        peer.get().touch(clock.nanoTime());
        reply(out, from, "PONG");
    }

    private void notJoined(InetSocketAddress from, DatagramSender out) {
        counters.rejectedNotJoined.increment();
        replyError(out, from, table.forgetExpired(from) ? "EXPIRED" : "ERR not joined; send JOIN <room> <nickname>");
    }

    /** Answers an oversized datagram with {@code ERR datagram too large (max N bytes)}. */
    @Override
    public void oversized(InetSocketAddress from, int maxDatagramBytes, DatagramSender out) {
        replyError(out, from, "ERR datagram too large (max " + maxDatagramBytes + " bytes)");
    }

    /**
     * Removes every peer silent for longer than {@link RelayConfig#idleTimeout()} as of the
     * clock's now; their rooms are told {@code * <nickname> left (expired)}. Called by the sweeper
     * thread; callable at any time.
     *
     * @return how many peers expired
     */
    public int sweep() {
        List<UdpPeer> expired = table.expire(clock.nanoTime());
        counters.expired.add(expired.size());
        expired.forEach(peer -> log.debug("{} expired", peer));
        return expired.size();
    }

    /** For {@link UdpPeer#close()}: an application closing a peer. */
    private void closePeer(UdpPeer peer) {
        removePeer(peer, LeaveReason.CLOSED);
    }

    private boolean removePeer(UdpPeer peer, LeaveReason reason) {
        if (!table.remove(peer, reason)) {
            return false;
        }
        counters.leaves.increment();
        return true;
    }

    /**
     * Sends an error line: always to a peer, and to any other address only within
     * {@link RelayConfig#maxErrorRepliesPerSecond()}, so that forged senders cannot turn the
     * relay into an amplifier.
     */
    private void replyError(DatagramSender out, InetSocketAddress to, String line) {
        if (table.find(to).isPresent() || errorBudget.tryAcquire().allowed()) {
            reply(out, to, line);
        } else {
            counters.errorRepliesWithheld.increment();
        }
    }

    private static void reply(DatagramSender out, InetSocketAddress to, String line) {
        out.send(to, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts the expiry sweeper.
     *
     * @throws IllegalStateException if the relay already serves a server
     */
    @Override
    public void started(DatagramSender out) {
        lifecycle.lock();
        try {
            if (started) {
                throw new IllegalStateException("a UdpRelay serves one server; this one is already started");
            }
            started = true;
            sweeper = Thread.ofVirtual().name("udp-relay-sweeper").start(this::sweepUntilStopped);
        } finally {
            lifecycle.unlock();
        }
    }

    private void sweepUntilStopped() {
        try {
            while (!stopSweeping.await(config.sweepInterval().toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    sweep();
                } catch (RuntimeException e) {
                    log.error("expiry sweep failed; next one in {}", config.sweepInterval(), e);
                }
            }
        } catch (InterruptedException e) {
            log.debug("expiry sweeper interrupted; stopping");
        }
    }

    /**
     * Stops the sweeper and removes every peer from the relay, the rooms (whose members of other
     * protocols are told {@code * <nickname> left}) and the registry.
     */
    @Override
    public void stopped() {
        lifecycle.lock();
        try {
            stopSweeping.countDown();
            if (sweeper != null) {
                sweeper.join();
            }
            clusterJoins.acquireUninterruptibly(MAX_JOINS_AWAITING_CLUSTER); // joins waiting for the cluster end first
            table.clear();
            clusterJoins.release(MAX_JOINS_AWAITING_CLUSTER);
        } catch (InterruptedException e) {
            table.clear();
            Thread.currentThread().interrupt();
        } finally {
            lifecycle.unlock();
        }
    }

    @Override
    public int livePeers() {
        return table.size();
    }

    /** {@return a snapshot of the relay's counters} */
    public RelayMetrics metrics() {
        return counters.snapshot(table.size());
    }

    /** {@return the configuration} */
    public RelayConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "UdpRelay[" + table.size() + " peers]";
    }
}
