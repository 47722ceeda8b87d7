package dev.weft.core.internal.epoll;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A non-blocking file descriptor registered once, edge-triggered, with an {@link EpollPoller},
 * and the blocking waits built on it: a thread that needs to read (or write) and cannot parks
 * until the poller reports the descriptor ready, or until it is closed.
 *
 * <p><b>Readiness.</b> {@link #readable} says whether an event came since the last read found the
 * socket drained; {@link #writable} the same for writes. A reader clears the flag <em>before</em>
 * the system call, so data that arrives after the call raises a new edge, which sets the flag
 * again: no wake-up is lost, and a read is only tried when the kernel said there is something to
 * read — after a response, the next read parks at once instead of failing with {@code EAGAIN}.
 * A read that filled the whole buffer leaves the flag set, since more may be waiting.
 *
 * <p><b>Closing</b> is safe from any thread while others use the descriptor: every system call
 * runs between {@link #enter()} and {@link #exit()}, which count the users; {@link #close()}
 * marks it closed, wakes the parked reader and writer, and the last user out closes the
 * descriptor — so a number is never closed under a call in flight and then reused by the next
 * accepted connection. No call here blocks in the kernel, so the last user is never far.
 */
abstract class PolledFd {

    private static final int CLOSED = Integer.MIN_VALUE;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PolledFd.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The descriptor. */
    final int fd;
    /** The poller it is registered with. */
    final EpollPoller poller;
    /** The {@link #CLOSED} bit and the number of threads inside a system call or a wait. */
    private volatile int state;
    /** Whether a read may find something: set by the poller's events, cleared before each read. */
    volatile boolean readable = true;
    /** Whether a write may find room: set by the poller's events, cleared after a full buffer. */
    volatile boolean writable = true;
    /**
     * Whether the kernel reported the peer's half-close, a hang-up or an error: from then on a read
     * always finds something (the rest of the data, then the end or the error) and no new event
     * will say so, so a read that drained the buffer leaves {@link #readable} set.
     */
    volatile boolean inputEnded;
    private volatile Thread reader;
    private volatile Thread writer;

    PolledFd(int fd, EpollPoller poller) {
        this.fd = fd;
        this.poller = poller;
    }

    /** What a call on a closed descriptor throws. */
    abstract IOException closedException();

    /** What a wait throws when its thread is interrupted (the descriptor is closed then). */
    abstract IOException interruptedException();

    /** Called by the poller thread with the events the kernel reported. */
    final void ready(int events) {
        if ((events & (Libc.EPOLLRDHUP | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0) {
            inputEnded = true;
        }
        if ((events & (Libc.EPOLLIN | Libc.EPOLLRDHUP | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0) {
            readable = true;
            wake(reader);
        }
        if ((events & (Libc.EPOLLOUT | Libc.EPOLLHUP | Libc.EPOLLERR)) != 0) {
            writable = true;
            wake(writer);
        }
    }

    /** Counts the caller as a user of the descriptor; throws if it is closed. */
    final void enter() throws IOException {
        int s;
        do {
            s = state;
            if (s < 0) {
                throw closedException();
            }
        } while (!STATE.weakCompareAndSet(this, s, s + 1));
    }

    /** Ends a use; the last user of a closed descriptor releases it. */
    final void exit() {
        if ((int) STATE.getAndAdd(this, -1) == (CLOSED | 1)) {
            release();
        }
    }

    /** Whether {@link #close()} was called. */
    final boolean isClosed() {
        return state < 0;
    }

    /**
     * Closes: later calls fail, parked threads wake and fail, and the descriptor is closed as soon
     * as no call is using it. Idempotent; any thread.
     */
    public final void close() {
        int s;
        do {
            s = state;
            if (s < 0) {
                return;
            }
        } while (!STATE.weakCompareAndSet(this, s, (s | CLOSED) + 1));
        wake(reader);
        wake(writer);
        exit();
    }

    /** Takes the descriptor out of the poller's table and closes it. */
    private void release() {
        poller.deregister(this);
        Libc.close(fd);
    }

    /**
     * Returns once a read may find something — at once if {@link #readable}, else after parking
     * until the poller says so — having cleared the flag for the read the caller makes next. The
     * caller is inside {@link #enter()}.
     */
    final void claimReadable() throws IOException {
        if (!readable) {
            await(false);
        }
        readable = false;
    }

    /**
     * Parks the calling thread, which is inside {@link #enter()}, until {@link #readable} or
     * closed, leaving the flag set for the read that follows.
     */
    final void awaitReadableEvent() throws IOException {
        await(false);
    }

    /** Parks the calling thread, which is inside {@link #enter()}, until {@link #writable} or closed. */
    final void awaitWritable() throws IOException {
        await(true);
    }

    private void await(boolean write) throws IOException {
        Thread me = Thread.currentThread();
        if (write) {
            writer = me;
        } else {
            reader = me;
        }
        try {
            while (!(write ? writable : readable)) {
                checkWait(me);
                LockSupport.park(this);
            }
            checkWait(me);
        } finally {
            if (write) {
                writer = null;
            } else {
                reader = null;
            }
        }
    }

    private void checkWait(Thread me) throws IOException {
        if (state < 0) {
            throw closedException();
        }
        if (me.isInterrupted()) {
            close();
            throw interruptedException();
        }
    }

    private static void wake(Thread thread) {
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
