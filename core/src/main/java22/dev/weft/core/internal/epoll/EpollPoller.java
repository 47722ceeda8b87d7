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
 * One server's epoll instance and the two threads that watch it. Every socket of the server is
 * registered once, edge-triggered, for input, output and the peer's half-close, and stays
 * registered until it is closed (closing the descriptor removes it from the epoll set): no
 * {@code epoll_ctl} per wait, none per close.
 *
 * <p><b>Who polls.</b> A virtual thread, {@code <server>-poller}, takes up to {@value #MAX_EVENTS}
 * ready descriptors at a time without blocking ({@code epoll_wait} with a zero timeout), hands each
 * to its {@link PolledFd} — which unparks the connection thread waiting on it, onto the same
 * carrier's queue — and yields, so the threads it woke run before it polls again. While the server
 * is busy it never blocks and never leaves the carriers. When a poll finds nothing it re-arms a
 * one-shot registration of the epoll instance with a second, blocking epoll instance and parks; a
 * platform thread, {@code <server>-poller-master}, waits there and unparks it when something is
 * ready again. (The JDK's own poller for virtual threads works the same way; measured here, it
 * halves the context switches per request of a platform poller thread that unparks every waiter
 * from outside the scheduler.)
 *
 * <p>The descriptors are found by number in a table: an event read just before its descriptor
 * was closed and its number reused reaches the new socket as a spurious readiness, which costs
 * that socket one read that finds nothing — never a lost or misdirected byte.
 *
 * <p>{@link #stop()} wakes the master through an {@code eventfd}, lets both threads end, then
 * closes the epoll instances.
 */
final class EpollPoller {

    private static final Logger log = LoggerFactory.getLogger(EpollPoller.class);
    /** The most events taken from the kernel in one poll. */
    static final int MAX_EVENTS = 512;
    private static final int INTEREST = Libc.EPOLLIN | Libc.EPOLLOUT | Libc.EPOLLRDHUP | Libc.EPOLLET;
    private static final int MASTER_INTEREST = Libc.EPOLLIN | Libc.EPOLLONESHOT;
    private static final int MASTER_EVENTS = 2;
    private static final int FIRST_TABLE_SIZE = 1_024;
    private static final Duration JOIN = Duration.ofSeconds(5);
    private static final long FAILURE_PAUSE_NANOS = Duration.ofMillis(10).toNanos();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(PolledFd[].class);

    private final String name;
    private final int epfd;
    private final int masterEpfd;
    private final int wakeFd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final MemorySegment pollErrno;
    private final MemorySegment masterEvents;
    private final MemorySegment masterErrno;
    private final ReentrantLock tableLock = new ReentrantLock();
    private final AtomicInteger registered = new AtomicInteger();
    private volatile PolledFd[] table = new PolledFd[FIRST_TABLE_SIZE];
    private volatile boolean running = true;
    private Thread poller;
    private Thread master;

    private EpollPoller(String name, int epfd, int masterEpfd, int wakeFd) {
        this.name = name;
        this.epfd = epfd;
        this.masterEpfd = masterEpfd;
        this.wakeFd = wakeFd;
        this.events = arena.allocate((long) MAX_EVENTS * Libc.EPOLL_EVENT_BYTES, 8);
        this.pollErrno = arena.allocate(JAVA_INT);
        this.masterEvents = arena.allocate((long) MASTER_EVENTS * Libc.EPOLL_EVENT_BYTES, 8);
        this.masterErrno = arena.allocate(JAVA_INT);
    }

    /** Creates the epoll instances and starts the threads {@code <serverName>-poller(-master)}. */
    static EpollPoller start(String serverName) throws IOException {
        int[] fds = new int[3];
        MemorySegment errno = Libc.errno();
        try {
            fds[0] = open(Libc.epollCreate(errno), errno, "epoll_create1");
            fds[1] = open(Libc.epollCreate(errno), errno, "epoll_create1");
            fds[2] = open(Libc.eventfd(errno), errno, "eventfd");
            control(fds[1], Libc.EPOLL_CTL_ADD, fds[2], Libc.EPOLLIN);
            control(fds[1], Libc.EPOLL_CTL_ADD, fds[0], MASTER_INTEREST);
        } catch (IOException e) {
            for (int fd : fds) {
                if (fd > 0) {
                    Libc.close(fd);
                }
            }
            throw e;
        }
        EpollPoller poller = new EpollPoller(serverName, fds[0], fds[1], fds[2]);
        poller.poller = Thread.ofVirtual().name(serverName + "-poller").unstarted(poller::poll);
        poller.master = Thread.ofPlatform().name(serverName + "-poller-master").daemon(true).start(poller::watch);
        poller.poller.start();
        return poller;
    }

    private static int open(int fd, MemorySegment errno, String call) throws IOException {
        if (fd < 0) {
            throw Errno.exception(Libc.errno(errno), call);
        }
        return fd;
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
            registered.incrementAndGet();
        } finally {
            tableLock.unlock();
        }
        try {
            control(epfd, Libc.EPOLL_CTL_ADD, polled.fd, INTEREST);
        } catch (IOException e) {
            deregister(polled);
            throw e;
        }
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

    /** How many descriptors are registered now (sockets and listeners). */
    int registered() {
        return registered.get();
    }

    /** How many of the poller's two threads are alive. */
    int threads() {
        return (alive(poller) ? 1 : 0) + (alive(master) ? 1 : 0);
    }

    private static boolean alive(Thread thread) {
        return thread != null && thread.isAlive();
    }

    private static void control(int target, int op, int fd, int interest) throws IOException {
        MemorySegment event = MemorySegment.ofArray(new byte[Libc.EPOLL_EVENT_BYTES]);
        event.set(JAVA_INT_UNALIGNED, 0, interest);
        event.set(JAVA_LONG_UNALIGNED, 4, fd);
        MemorySegment errno = Libc.errno();
        if (Libc.epollCtl(errno, target, op, fd, event) < 0) {
            throw Errno.exception(Libc.errno(errno), "epoll_ctl");
        }
    }

    /** The virtual poller: polls without blocking while there is work, parks when there is none. */
    private void poll() {
        while (running) {
            int n = Libc.epollWait(pollErrno, epfd, events, MAX_EVENTS, 0);
            if (n > 0) {
                dispatch(n);
                Thread.yield();
            } else if (n == 0) {
                awaitReady();
            } else if (Libc.errno(pollErrno) != Libc.EINTR) {
                failed(Libc.errno(pollErrno));
            }
        }
    }

    /** Asks the master to say when the epoll instance has events again, and parks until it does. */
    private void awaitReady() {
        try {
            control(masterEpfd, Libc.EPOLL_CTL_MOD, epfd, MASTER_INTEREST);
        } catch (IOException e) {
            log.error("{} cannot re-arm its master poller: {}", name, e.toString());
            LockSupport.parkNanos(this, FAILURE_PAUSE_NANOS);
            return;
        }
        LockSupport.park(this); // a spurious return only costs one more poll
    }

    /** The master: blocks until the epoll instance has events (or stop), and unparks the poller. */
    private void watch() {
        while (running) {
            int n = Libc.epollWait(masterErrno, masterEpfd, masterEvents, MASTER_EVENTS, -1);
            if (n < 0 && Libc.errno(masterErrno) != Libc.EINTR) {
                failed(Libc.errno(masterErrno));
            }
            for (int i = 0; i < n; i++) {
                if (fdOf(masterEvents, i) == wakeFd) {
                    Libc.read(Libc.errno(), wakeFd, MemorySegment.ofArray(new long[1]), JAVA_LONG.byteSize());
                } else {
                    LockSupport.unpark(poller);
                }
            }
        }
        LockSupport.unpark(poller);
    }

    private void failed(int errno) {
        log.error("{} epoll_wait failed: {}", name, Errno.describe(errno));
        LockSupport.parkNanos(this, FAILURE_PAUSE_NANOS);
    }

    private static int fdOf(MemorySegment events, int index) {
        return (int) events.get(JAVA_LONG_UNALIGNED, (long) index * Libc.EPOLL_EVENT_BYTES + 4);
    }

    private void dispatch(int count) {
        PolledFd[] current = table;
        for (int i = 0; i < count; i++) {
            int ready = events.get(JAVA_INT_UNALIGNED, (long) i * Libc.EPOLL_EVENT_BYTES);
            int fd = fdOf(events, i);
            if (fd >= current.length) {
                current = table;
            }
            PolledFd polled = fd < current.length ? (PolledFd) SLOT.getAcquire(current, fd) : null;
            if (polled != null) {
                polled.ready(ready);
            }
        }
    }

    /**
     * Ends both threads and closes the epoll instances; the server closed every socket first.
     * Called once, by the server's stop.
     */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        Libc.write(Libc.errno(), wakeFd, MemorySegment.ofArray(new long[] {1}), JAVA_LONG.byteSize());
        try {
            if (!master.join(JOIN) || !poller.join(JOIN)) {
                // Freeing the event buffers under a thread still in epoll_wait would corrupt memory.
                log.error("{} poller threads did not end within {}; its epoll instances are left open", name, JOIN);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} interrupted while stopping its poller; its epoll instances are left open", name);
            return;
        }
        if (registered() > 0) {
            log.debug("{} poller stopped with {} descriptors still registered", name, registered());
        }
        Libc.close(wakeFd);
        Libc.close(masterEpfd);
        Libc.close(epfd);
        arena.close();
    }
}
