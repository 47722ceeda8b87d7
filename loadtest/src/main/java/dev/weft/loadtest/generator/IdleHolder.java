package dev.weft.loadtest.generator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens many connections, makes one round trip on each (so the server has really taken it on)
 * and then holds them idle; {@link #check()} makes one more round trip on each to prove it is
 * still alive. Connects and checks run on a bounded number of virtual threads at a time, so
 * the server's accept queue is not flooded.
 *
 * <p>One process can hold only as many connections as its open-files limit allows (20,000
 * here), so the idle scenario splits its clients over several holder processes.
 */
public final class IdleHolder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleHolder.class);
    /** How many connects or checks run at once. */
    private static final int PARALLELISM = 64;

    private final Protocol protocol;
    private final List<Socket> sockets;
    private final int failed;

    private IdleHolder(Protocol protocol, List<Socket> sockets, int failed) {
        this.protocol = protocol;
        this.sockets = sockets;
        this.failed = failed;
    }

    /**
     * Opens {@code connections} connections to {@code target} from {@code source} and makes one
     * round trip on each; the ones that fail are counted in {@link #failed()} and closed.
     */
    public static IdleHolder open(InetSocketAddress target, InetAddress source, Protocol protocol,
                                  int connections, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(target, "target");
        List<Socket> held = Collections.synchronizedList(new ArrayList<>(connections));
        AtomicInteger next = new AtomicInteger();
        int ok = inParallel(connections, next, i -> {
            Socket socket = new Socket();
            try {
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(target, (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                protocol.newClient().roundTrip(socket.getInputStream(), socket.getOutputStream());
                held.add(socket);
                return true;
            } catch (IOException e) {
                log.debug("idle connection {} failed: {}", i, e.toString());
                closeQuietly(socket);
                return false;
            }
        });
        return new IdleHolder(protocol, held, connections - ok);
    }

    /** How many connections are held. */
    public int held() {
        return sockets.size();
    }

    /** How many connections could not be opened or did not answer their first round trip. */
    public int failed() {
        return failed;
    }

    /** Makes one round trip on every held connection; returns how many answered. */
    public int check() throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        return inParallel(sockets.size(), next, i -> {
            Socket socket = sockets.get(i);
            try {
                protocol.newClient().roundTrip(socket.getInputStream(), socket.getOutputStream());
                return true;
            } catch (IOException e) {
                log.debug("held connection {} is dead: {}", i, e.toString());
                return false;
            }
        });
    }

    private static int inParallel(int count, AtomicInteger next, Predicate<Integer> task) throws InterruptedException {
        AtomicInteger succeeded = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(PARALLELISM, count); w++) {
            workers.add(Thread.ofVirtual().name("idle-worker-" + w).start(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    if (task.test(i)) {
                        succeeded.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return succeeded.get();
    }

    /** Closes every held connection. */
    @Override
    public void close() {
        sockets.forEach(IdleHolder::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close failed: {}", e.toString());
        }
    }
}
