package dev.weft.core.internal.epoll;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The C library functions the epoll transport calls, as downcall handles of the foreign function
 * API, with the Linux x86_64 constants they take.
 *
 * <p>Every call that cannot block — a non-blocking socket's {@code recv}/{@code send}/
 * {@code accept4}, {@code epoll_ctl}, {@code setsockopt} — is linked <em>critical</em> with heap
 * access: it reads and writes Java arrays in place (no copy, no native buffer) and skips the
 * thread-state transitions of an ordinary native call. The two calls that may take long —
 * {@code epoll_wait}, which blocks the poller thread, and a {@code send} from a memory-mapped file,
 * which may fault pages in — are ordinary downcalls on native memory. Each call that can fail
 * captures {@code errno} into the segment passed first.
 */
final class Libc {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_KEEPALIVE = 9;
    static final int IPPROTO_TCP = 6;
    static final int TCP_NODELAY = 1;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int SHUT_WR = 1;

    static final int EPOLL_CLOEXEC = 0x80000;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_MOD = 3;
    static final int EPOLLONESHOT = 1 << 30;
    static final int EPOLLIN = 0x1;
    static final int EPOLLOUT = 0x4;
    static final int EPOLLERR = 0x8;
    static final int EPOLLHUP = 0x10;
    static final int EPOLLRDHUP = 0x2000;
    static final int EPOLLET = 1 << 31;
    /** {@code sizeof(struct epoll_event)}: packed on x86_64 (a 32-bit mask, then 64 bits of data). */
    static final int EPOLL_EVENT_BYTES = 12;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EPIPE = 32;
    static final int ECONNABORTED = 103;
    static final int ECONNRESET = 104;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup C = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);
    /**
     * Every call but the two hot ones has this one shape — six pointer-sized arguments (extra
     * ones are ignored by the callee, integers are passed as addresses), a 64-bit result (an
     * {@code int} result is its low half) — because the linker builds code per shape, not per
     * function: the first downcall handle of a shape costs tens of milliseconds, the next ones
     * almost nothing, and a server should listen within a few of them.
     */
    private static final FunctionDescriptor ANY = FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, ADDRESS);
    /** {@code recv} and {@code send}: called per request, with their own exact shape. */
    private static final FunctionDescriptor TRANSFER = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG,
            JAVA_INT);

    private static final MethodHandle SOCKET = critical("socket");
    private static final MethodHandle SETSOCKOPT = critical("setsockopt");
    private static final MethodHandle BIND = critical("bind");
    private static final MethodHandle LISTEN = critical("listen");
    private static final MethodHandle ACCEPT4 = critical("accept4");
    private static final MethodHandle GETSOCKNAME = critical("getsockname");
    private static final MethodHandle SHUTDOWN = critical("shutdown");
    private static final MethodHandle CLOSE = critical("close");
    private static final MethodHandle EPOLL_CREATE1 = critical("epoll_create1");
    private static final MethodHandle EPOLL_CTL = critical("epoll_ctl");
    private static final MethodHandle EVENTFD = critical("eventfd");
    private static final MethodHandle READ = critical("read");
    private static final MethodHandle WRITE = critical("write");
    private static final MethodHandle EPOLL_WAIT = LINKER.downcallHandle(find("epoll_wait"), ANY, ERRNO);
    private static final MethodHandle SEND_MAPPED = LINKER.downcallHandle(find("send"), ANY, ERRNO);
    private static final MethodHandle RECV = LINKER.downcallHandle(find("recv"), TRANSFER, ERRNO, CRITICAL);
    private static final MethodHandle SEND = LINKER.downcallHandle(find("send"), TRANSFER, ERRNO, CRITICAL);
    private static final MemorySegment NONE = MemorySegment.NULL;

    private Libc() {
    }

    private static MemorySegment find(String name) {
        return C.find(name).orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
    }

    private static MethodHandle critical(String name) {
        return LINKER.downcallHandle(find(name), ANY, ERRNO, CRITICAL);
    }

    /** An integer argument in a pointer-sized slot of {@link #ANY}. */
    private static MemorySegment word(long value) {
        return MemorySegment.ofAddress(value);
    }

    /** A place for one call's {@code errno}: a heap segment, allowed in critical calls. */
    static MemorySegment errno() {
        return MemorySegment.ofArray(new int[1]);
    }

    /** The {@code errno} a call captured into {@code state}. */
    static int errno(MemorySegment state) {
        return state.get(JAVA_INT, 0);
    }

    static int socket(MemorySegment errno, int domain, int type) {
        try {
            return (int) (long) SOCKET.invokeExact(errno, word(domain), word(type), NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int setsockopt(MemorySegment errno, int fd, int level, int option, int value) {
        try {
            return (int) (long) SETSOCKOPT.invokeExact(errno, word(fd), word(level), word(option),
                    MemorySegment.ofArray(new int[] {value}), word(4), NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int bind(MemorySegment errno, int fd, MemorySegment address, int length) {
        try {
            return (int) (long) BIND.invokeExact(errno, word(fd), address, word(length), NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int listen(MemorySegment errno, int fd, int backlog) {
        try {
            return (int) (long) LISTEN.invokeExact(errno, word(fd), word(backlog), NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC)}. */
    static int accept(MemorySegment errno, int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) (long) ACCEPT4.invokeExact(errno, word(fd), address, length, word(SOCK_NONBLOCK | SOCK_CLOEXEC),
                    NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int getsockname(MemorySegment errno, int fd, MemorySegment address, MemorySegment length) {
        try {
            return (int) (long) GETSOCKNAME.invokeExact(errno, word(fd), address, length, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long recv(MemorySegment errno, int fd, MemorySegment buffer, long length) {
        try {
            return (long) RECV.invokeExact(errno, fd, buffer, length, 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@code send} with {@code MSG_NOSIGNAL}: a peer that went away is {@code EPIPE}, never a signal. */
    static long send(MemorySegment errno, int fd, MemorySegment buffer, long length) {
        try {
            return (long) SEND.invokeExact(errno, fd, buffer, length, MSG_NOSIGNAL);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@link #send} from native memory that may need paging in (a mapped file): not critical. */
    static long sendMapped(MemorySegment errno, int fd, MemorySegment buffer, long length) {
        try {
            return (long) SEND_MAPPED.invokeExact(errno, word(fd), buffer, word(length), word(MSG_NOSIGNAL), NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int shutdown(MemorySegment errno, int fd, int how) {
        try {
            return (int) (long) SHUTDOWN.invokeExact(errno, word(fd), word(how), NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int close(int fd) {
        try {
            return (int) (long) CLOSE.invokeExact(errno(), word(fd), NONE, NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int epollCreate(MemorySegment errno) {
        try {
            return (int) (long) EPOLL_CREATE1.invokeExact(errno, word(EPOLL_CLOEXEC), NONE, NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int epollCtl(MemorySegment errno, int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) (long) EPOLL_CTL.invokeExact(errno, word(epfd), word(op), word(fd), event, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** Blocks the calling (platform) thread until events come; {@code events} is native memory. */
    static int epollWait(MemorySegment errno, int epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
        try {
            return (int) (long) EPOLL_WAIT.invokeExact(errno, word(epfd), events, word(maxEvents), word(timeoutMillis),
                    NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static int eventfd(MemorySegment errno) {
        try {
            return (int) (long) EVENTFD.invokeExact(errno, word(0), word(EFD_NONBLOCK | EFD_CLOEXEC), NONE, NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long read(MemorySegment errno, int fd, MemorySegment buffer, long length) {
        try {
            return (long) READ.invokeExact(errno, word(fd), buffer, word(length), NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static long write(MemorySegment errno, int fd, MemorySegment buffer, long length) {
        try {
            return (long) WRITE.invokeExact(errno, word(fd), buffer, word(length), NONE, NONE, NONE);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("a downcall threw a checked exception", t);
    }
}
