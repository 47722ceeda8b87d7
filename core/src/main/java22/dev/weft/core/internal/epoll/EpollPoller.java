package dev.weft.core.internal.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server's epoll instance and the platform thread that waits on it: every socket of the server
 * is registered once, edge-triggered, for input, output and the peer's half-close, and stays
 * registered until it is closed (closing the descriptor removes it from the epoll set, so there is
 * no {@code epoll_ctl} per wait and none per close). Each {@code epoll_wait} returns up to
 * {@value #MAX_EVENTS} ready descriptors, and the thread hands each to its {@link PolledFd}, which
 * wakes the thread parked on it.
 *
 * <p>The descriptors are found by number in a table: an event read just before its descriptor
 * was closed and its number reused reaches the new socket as a spurious readiness, which costs
 * that socket one read that finds nothing — never a lost or misdirected byte.
 *
 * <p>{@link #stop()} wakes the thread through an {@code eventfd}, waits for it to end, then
 * closes the epoll instance.
 */
final class EpollPoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EpollPoller.class);
    /** The most events taken from the kernel in one wait. */
    static final int MAX_EVENTS = 512;
    private static final int INTEREST = Libc.EPOLLIN | Libc.EPOLLOUT | Libc.EPOLLRDHUP | Libc.EPOLLET;
    private static final int FIRST_TABLE_SIZE = 1_024;
    private static final Duration JOIN = Duration.ofSeconds(5);
    private static final long FAILURE_PAUSE_NANOS = Duration.ofMillis(10).toNanos();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(PolledFd[].class);

    private final String name;
    private final int epfd;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final MemorySegment waitErrno;
    private final ReentrantLock tableLock = new ReentrantLock();
    private final AtomicInteger registered = new AtomicInteger();
    private volatile PolledFd[] table = new PolledFd[FIRST_TABLE_SIZE];
    private volatile boolean running = true;
    private Thread thread;

    private EpollPoller(String name, int epfd, int wakeFd) {
        this.name = name;
        this.epfd = epfd;
        this.wakeFd = wakeFd;
        this.events = arena.allocate((long) MAX_EVENTS * Libc.EPOLL_EVENT_BYTES, 8);
        this.waitErrno = arena.allocate(JAVA_INT);
    }

    /** Creates the epoll instance and starts the thread {@code <serverName>-poller}. */
    static EpollPoller start(String serverName) throws IOException {
        MemorySegment errno = Libc.errno();
        int epfd = Libc.epollCreate(errno);
        if (epfd < 0) {
            throw Errno.exception(Libc.errno(errno), "epoll_create1");
        }
        int wakeFd = Libc.eventfd(errno);
        if (wakeFd < 0) {
            IOException failure = Errno.exception(Libc.errno(errno), "eventfd");
            Libc.close(epfd);
            throw failure;
        }
        EpollPoller poller = new EpollPoller(serverName, epfd, wakeFd);
        try {
            poller.control(wakeFd, Libc.EPOLLIN);
        } catch (IOException e) {
            poller.closeDescriptors();
            throw e;
        }
        poller.thread = Thread.ofPlatform().name(serverName + "-poller").daemon(true).start(poller);
        return poller;
    }

    /** Adds {@code polled} to the table and registers its descriptor, edge-triggered. */
    void register(PolledFd polled) throws IOException {
        tableLock.lock();
        try {
            PolledFd[] current = table;
            if (polled.fd >= current.length) {
                current = Arrays.copyOf(current, Math.max(current.length * 2, polled.fd + 1));
                table = current;
            }
            SLOT.setRelease(current, polled.fd, polled);
        } finally {
            tableLock.unlock();
        }
        try {
            control(polled.fd, INTEREST);
        } catch (IOException e) {
            deregister(polled);
            throw e;
        }
        registered.incrementAndGet();
    }

    /** Removes {@code polled} from the table, just before its descriptor is closed. */
    void deregister(PolledFd polled) {
        tableLock.lock();
        try {
            PolledFd[] current = table;
            if (polled.fd < current.length && SLOT.getAcquire(current, polled.fd) == polled) {
                SLOT.setRelease(current, polled.fd, (PolledFd) null);
                registered.decrementAndGet();
            }
        } finally {
            tableLock.unlock();
        }
    }

    /** How many descriptors are registered now (sockets and listeners; not the wake-up one). */
    int registered() {
        return Math.max(0, registered.get());
    }

    /** Whether the poller thread is alive. */
    boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void control(int fd, int interest) throws IOException {
        MemorySegment event = MemorySegment.ofArray(new byte[Libc.EPOLL_EVENT_BYTES]);
        event.set(JAVA_INT_UNALIGNED, 0, interest);
        event.set(JAVA_LONG_UNALIGNED, 4, fd);
        MemorySegment errno = Libc.errno();
        if (Libc.epollCtl(errno, epfd, Libc.EPOLL_CTL_ADD, fd, event) < 0) {
            throw Errno.exception(Libc.errno(errno), "epoll_ctl");
        }
    }

    @Override
    public void run() {
        while (running) {
            int n = Libc.epollWait(waitErrno, epfd, events, MAX_EVENTS, -1);
            if (n < 0) {
                int errno = Libc.errno(waitErrno);
                if (errno != Libc.EINTR) {
                    log.error("{} epoll_wait failed: {}", name, Libc.describe(errno));
                    LockSupport.parkNanos(FAILURE_PAUSE_NANOS);
                }
                continue;
            }
            dispatch(n);
        }
    }

    private void dispatch(int count) {
        PolledFd[] current = table;
        for (int i = 0; i < count; i++) {
            long at = (long) i * Libc.EPOLL_EVENT_BYTES;
            int ready = events.get(JAVA_INT_UNALIGNED, at);
            int fd = (int) events.get(JAVA_LONG_UNALIGNED, at + 4);
            if (fd == wakeFd) {
                drainWakeFd();
                continue;
            }
            if (fd >= current.length) {
                current = table;
            }
            PolledFd polled = fd < current.length ? (PolledFd) SLOT.getAcquire(current, fd) : null;
            if (polled != null) {
                polled.ready(ready);
            }
        }
    }

    private void drainWakeFd() {
        Libc.read(Libc.errno(), wakeFd, MemorySegment.ofArray(new long[1]), JAVA_LONG.byteSize());
    }

    /**
     * Ends the thread and closes the epoll instance; the server closed every socket first.
     * Idempotent.
     */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        Libc.write(Libc.errno(), wakeFd, MemorySegment.ofArray(new long[] {1}), JAVA_LONG.byteSize());
        try {
            if (!thread.join(JOIN)) {
                // Freeing the event buffer under a thread still in epoll_wait would corrupt memory.
                log.error("{} poller thread did not end within {}; its epoll instance is left open", name, JOIN);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} interrupted while stopping its poller; its epoll instance is left open", name);
            return;
        }
        if (registered() > 0) {
            log.debug("{} poller stopped with {} descriptors still registered", name, registered());
        }
        closeDescriptors();
    }

    private void closeDescriptors() {
        Libc.close(wakeFd);
        Libc.close(epfd);
        arena.close();
    }
}
