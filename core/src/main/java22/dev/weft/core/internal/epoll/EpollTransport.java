package dev.weft.core.internal.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.weft.core.internal.Transport;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A {@link Transport} over a non-blocking TCP socket registered with the server's
 * {@link EpollPoller}: {@code recv} and {@code send} straight from and into the caller's array
 * (critical downcalls, no copy), and a park on the descriptor's readiness when the kernel has
 * nothing to read or no room to write. See {@link PolledFd} for the readiness and closing rules.
 *
 * <p>A file goes out from a memory mapping of it, one {@code send} per piece the socket takes,
 * without passing through the Java heap; a file system that cannot map falls back to a copy.
 */
final class EpollTransport extends PolledFd implements Transport {

    /** The largest piece of a file copied at once when it cannot be mapped. */
    private static final int COPY_BYTES = 64 * 1024;

    EpollTransport(int fd, EpollPoller poller) {
        super(fd, poller);
    }

    @Override
    public void awaitReadable() throws IOException {
        enter();
        try {
            if (!readable) {
                awaitReadableEvent();
            }
        } finally {
            exit();
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        MemorySegment target = MemorySegment.ofArray(buffer).asSlice(offset, length);
        enter();
        try {
            while (true) {
                claimReadable();
                MemorySegment errno = Libc.errno();
                long n = Libc.recv(errno, fd, target, length);
                if (n > 0) {
                    if (n == length || inputEnded) {
                        readable = true; // the buffer is full, or the end is still to read
                    }
                    return (int) n;
                }
                if (n == 0) {
                    readable = true; // the end of the stream stays readable
                    return -1;
                }
                int error = Libc.errno(errno);
                if (error != Libc.EAGAIN) {
                    readable = true;
                    if (error != Libc.EINTR) {
                        throw Errno.exception(error, "recv");
                    }
                }
            }
        } finally {
            exit();
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        MemorySegment source = MemorySegment.ofArray(buffer);
        enter();
        try {
            int written = 0;
            while (written < length) {
                MemorySegment errno = Libc.errno();
                long n = Libc.send(errno, fd, source.asSlice(offset + written, length - written), length - written);
                if (n >= 0) {
                    written += (int) n;
                } else {
                    awaitRoom(Libc.errno(errno));
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * After a {@code send} failed with {@code error}: returns when it is worth trying again, or
     * throws. On a full socket buffer the first time, clears {@link #writable} and lets the caller
     * retry once — room freed before the flag was cleared would raise no new event — and the
     * next time parks until the poller reports room.
     */
    private void awaitRoom(int error) throws IOException {
        if (error == Libc.EINTR) {
            return;
        }
        if (error != Libc.EAGAIN) {
            throw Errno.exception(error, "send");
        }
        if (writable) {
            writable = false;
        } else {
            awaitWritable();
        }
    }

    @Override
    public long transferFrom(FileChannel file, long position, long count) throws IOException {
        long size = file.size();
        if (position >= size || count <= 0) {
            return 0;
        }
        long length = Math.min(count, size - position);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mapped;
            try {
                mapped = file.map(FileChannel.MapMode.READ_ONLY, position, length, arena);
            } catch (UnsupportedOperationException e) {
                return copy(file, position, (int) Math.min(length, COPY_BYTES));
            }
            sendMapped(mapped, arena.allocate(JAVA_INT));
            return length;
        }
    }

    /** Sends all of {@code mapped}, parking while the socket buffer is full. */
    private void sendMapped(MemorySegment mapped, MemorySegment errno) throws IOException {
        enter();
        try {
            long sent = 0;
            long length = mapped.byteSize();
            while (sent < length) {
                long n = Libc.sendMapped(errno, fd, mapped.asSlice(sent), length - sent);
                if (n >= 0) {
                    sent += n;
                } else {
                    awaitRoom(Libc.errno(errno));
                }
            }
        } finally {
            exit();
        }
    }

    private long copy(FileChannel file, long position, int length) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate(length);
        int read = file.read(piece, position);
        if (read <= 0) {
            return 0;
        }
        write(piece.array(), 0, read);
        return read;
    }

    @Override
    public void shutdownOutput() throws IOException {
        enter();
        try {
            MemorySegment errno = Libc.errno();
            if (Libc.shutdown(errno, fd, Libc.SHUT_WR) < 0) {
                throw Errno.exception(Libc.errno(errno), "shutdown");
            }
        } finally {
            exit();
        }
    }

    @Override
    IOException closedException() {
        return new SocketException("Socket closed");
    }

    @Override
    IOException interruptedException() {
        return new SocketException("Closed by interrupt");
    }

    @Override
    public String toString() {
        return "EpollTransport[fd " + fd + (isClosed() ? ", closed]" : "]");
    }
}
