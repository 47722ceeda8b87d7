package dev.weft.udp;

import dev.weft.core.Client;
import dev.weft.core.ClientRegistry;
import dev.weft.udp.internal.JoinOutcome;
import dev.weft.udp.internal.PeerTable;
import dev.weft.udp.internal.Presence;
import dev.weft.udp.internal.RelayCommand;
import dev.weft.udp.internal.RelayCommandParser;
import dev.weft.udp.internal.ReplyBudget;
import dev.weft.udp.internal.UdpPeer;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat relay over UDP: peers join rooms under nicknames, and each message is relayed to every
 * other client of the room — UDP peers and, through the shared {@link ClientRegistry} and
 * {@link ChatPresence}, clients of any other protocol, such as TCP chat connections.
 *
 * <h2>Protocol</h2>
 * Every datagram carries one line of UTF-8 text; a trailing {@code "\n"} (or {@code "\r\n"}) is
 * optional from peers and always present from the relay. Commands are upper case, arguments are
 * separated by one space; rooms and nicknames are one word each.
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
 *   <li>{@code JOIN} from a peer already joined moves it to the room or renames it (old room
 *       told {@code * <nickname> left}); the same {@code JOIN} again — say, because the
 *       {@code OK} was lost — is only acknowledged again. A nickname used by another client of the room, of any
 *       protocol, is refused.</li>
 *   <li>Any valid command is a sign of life. A peer silent for longer than
 *       {@link RelayConfig#idleTimeout()} is removed; the first datagram it sends afterwards,
 *       other than {@code JOIN}, is answered {@code EXPIRED} (it must {@code JOIN} again).</li>
 *   <li>Errors, each counted: malformed input — not UTF-8, empty, a control character or a second
 *       line, an unknown command, wrong arguments — is answered {@code ERR <reason>} and counted in
 *       {@link UdpMetrics#droppedMalformed()}; a datagram over
 *       {@link UdpServerConfig#maxDatagramBytes()} gets {@code ERR datagram too large (max N
 *       bytes)}; {@code MSG}, {@code LEAVE} or {@code PING} before {@code JOIN} gets {@code ERR not
 *       joined}; a refused {@code JOIN} gets {@code ERR server full (max N peers)}, {@code ERR too
 *       many rooms (max N)}, {@code ERR nickname taken: <nickname>} or {@code ERR room|nickname is
 *       N bytes, the maximum is M}. See {@link RelayMetrics}.</li>
 *   <li>Error replies ({@code ERR}, {@code EXPIRED}) to addresses that are not peers are limited
 *       to {@link RelayConfig#maxErrorRepliesPerSecond()}: source addresses can be forged, and
 *       the relay must not become an amplifier aimed at someone else.</li>
 * </ul>
 *
 * <p><b>Threading.</b> Made for {@link Dispatch#INLINE}: handling a datagram only touches memory
 * and sends datagrams, which never wait for a receiver. It is also safe with
 * {@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM}, but then lines from one peer may overtake each
 * other. Expired peers are swept every {@link RelayConfig#sweepInterval()} by a virtual thread
 * that lives from {@link #started} to {@link #stopped}; tests call {@link #sweep()} with an
 * {@link InstantSource} they control instead of waiting. One relay serves one server.
 */
public final class UdpRelay implements DatagramHandler {

    private static final Logger log = LoggerFactory.getLogger(UdpRelay.class);

    private final RelayConfig config;
    private final ClientRegistry registry;
    private final InstantSource clock;
    private final PeerTable table;
    private final ReplyBudget errorBudget;
    private final RelayCounters counters = new RelayCounters();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch stopSweeping = new CountDownLatch(1);
    private boolean started;
    private Thread sweeper;

    /**
     * Creates a relay on the system clock whose peers join {@code registry}.
     *
     * @param config   the limits and timings
     * @param registry the application's shared registry
     */
    @Inject
    public UdpRelay(RelayConfig config, ClientRegistry registry) {
        this(config, registry, InstantSource.system());
    }

    /**
     * Creates a relay that reads the time from {@code clock}: give it a controllable one to test
     * expiry without waiting.
     *
     * @param config   the limits and timings
     * @param registry the application's shared registry
     * @param clock    the source of "now" for last-seen times and expiry
     */
    public UdpRelay(RelayConfig config, ClientRegistry registry, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.table = new PeerTable(config, registry);
        this.errorBudget = new ReplyBudget(config.maxErrorRepliesPerSecond(), clock.instant());
    }

    @Override
    public DatagramOutcome handle(Datagram datagram, DatagramSender out) {
        InetSocketAddress from = datagram.sender();
        RelayCommand command = RelayCommandParser.parse(datagram.payload());
        switch (command) {
            case RelayCommand.Join join -> join(from, join, out);
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

    private void join(InetSocketAddress from, RelayCommand.Join join, DatagramSender out) {
        Optional<String> badName = tooLong("room", join.room(), config.maxRoomBytes())
                .or(() -> tooLong("nickname", join.nickname(), config.maxNicknameBytes()));
        if (badName.isPresent()) {
            counters.rejectedNames.increment();
            replyError(out, from, "ERR " + badName.get());
            return;
        }
        Presence where = new Presence(join.room(), join.nickname());
        JoinOutcome outcome = table.join(from, where,
                id -> new UdpPeer(id, from, where, clock.instant(), out, this::closePeer));
        switch (outcome) {
            case JoinOutcome.Joined joined -> joined(joined, where, out);
            case JoinOutcome.ServerFull full -> {
                counters.rejectedServerFull.increment();
                replyError(out, from, "ERR server full (max " + full.maxPeers() + " peers)");
            }
            case JoinOutcome.TooManyRooms rooms -> {
                counters.rejectedTooManyRooms.increment();
                replyError(out, from, "ERR too many rooms (max " + rooms.maxRooms() + ")");
            }
            case JoinOutcome.NicknameTaken taken -> {
                counters.rejectedNames.increment();
                replyError(out, from, "ERR nickname taken: " + taken.nickname());
            }
        }
    }

    private void joined(JoinOutcome.Joined joined, Presence where, DatagramSender out) {
        UdpPeer peer = joined.peer();
        peer.touch(clock.instant());
        if (joined.previous().equals(Optional.of(where))) {
            // A repeated JOIN, typically because our OK was lost: acknowledge it again, quietly.
            reply(out, peer.remoteAddress(), "OK joined " + where.room() + " as " + where.nickname());
            return;
        }
        counters.joins.increment();
        joined.previous().ifPresent(before -> tellRoom(before.room(), peer, "* " + before.nickname() + " left"));
        reply(out, peer.remoteAddress(), "OK joined " + where.room() + " as " + where.nickname());
        tellRoom(where.room(), peer, "* " + where.nickname() + " joined");
        log.debug("{} joined {} as {}", peer, where.room(), where.nickname());
    }

    private void message(InetSocketAddress from, String text, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        peer.get().touch(clock.instant());
        counters.messagesRelayed.increment();
        Presence where = peer.get().presence();
        tellRoom(where.room(), peer.get(), where.nickname() + ": " + text);
    }

    private void leave(InetSocketAddress from, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        Presence where = peer.get().presence();
        if (removePeer(peer.get())) {
            reply(out, from, "OK left " + where.room());
        }
    }

    private void ping(InetSocketAddress from, DatagramSender out) {
        Optional<UdpPeer> peer = table.find(from);
        if (peer.isEmpty()) {
            notJoined(from, out);
            return;
        }
        peer.get().touch(clock.instant());
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
     * clock's now, and tells their rooms. Called by the sweeper thread; callable at any time.
     *
     * @return how many peers expired
     */
    public int sweep() {
        List<UdpPeer> expired = table.expire(clock.instant());
        for (UdpPeer peer : expired) {
            counters.expired.increment();
            Presence where = peer.presence();
            tellRoom(where.room(), peer, "* " + where.nickname() + " left (expired)");
            log.debug("{} expired", peer);
        }
        return expired.size();
    }

    /** For {@link UdpPeer#close()}: an application closing a peer. */
    private void closePeer(UdpPeer peer) {
        removePeer(peer);
    }

    private boolean removePeer(UdpPeer peer) {
        if (!table.remove(peer)) {
            return false;
        }
        counters.leaves.increment();
        Presence where = peer.presence();
        tellRoom(where.room(), peer, "* " + where.nickname() + " left");
        return true;
    }

    /** Sends {@code line} to every client of {@code room} except {@code except}, whatever its protocol. */
    private void tellRoom(String room, Client except, String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        int reached = registry.broadcast(bytes, ChatPresence.inRoom(room).and(client -> client != except));
        counters.deliveries.add(reached);
    }

    /**
     * Sends an error line: always to a peer, and to any other address only within
     * {@link RelayConfig#maxErrorRepliesPerSecond()}, so that forged senders cannot turn the
     * relay into an amplifier.
     */
    private void replyError(DatagramSender out, InetSocketAddress to, String line) {
        if (table.find(to).isPresent() || errorBudget.tryTake(clock.instant())) {
            reply(out, to, line);
        } else {
            counters.errorRepliesWithheld.increment();
        }
    }

    private static void reply(DatagramSender out, InetSocketAddress to, String line) {
        out.send(to, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> tooLong(String what, String name, int maxBytes) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= maxBytes ? Optional.empty()
                : Optional.of(what + " is " + bytes + " bytes, the maximum is " + maxBytes);
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

    /** Stops the sweeper and removes every peer from the relay and the registry, without notices. */
    @Override
    public void stopped() {
        lifecycle.lock();
        try {
            stopSweeping.countDown();
            if (sweeper != null) {
                sweeper.join();
            }
            table.clear();
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

    /** A snapshot of the relay's counters. */
    public RelayMetrics metrics() {
        return counters.snapshot(table.size(), table.rooms());
    }

    /** The configuration. */
    public RelayConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "UdpRelay[" + table.size() + " peers]";
    }
}
