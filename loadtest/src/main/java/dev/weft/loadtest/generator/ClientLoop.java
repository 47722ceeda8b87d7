package dev.weft.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client on its own virtual thread: connects, waits for the start signal, then runs round
 * trips until the end of the step — closed-loop or on its {@link OpenLoopSchedule}. A failure
 * or timeout is counted, the connection closed and opened again for the next round trip.
 */
final class ClientLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ClientLoop.class);
    /** After a failed connect, wait this long before the next attempt, so a dead server is not spun on. */
    private static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final LoadSpec spec;
    private final int index;
    private final CountDownLatch connected;
    private final CountDownLatch go;
    private final Tally tally;
    private final ProtocolClient client;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    ClientLoop(LoadSpec spec, int index, CountDownLatch connected, CountDownLatch go, Tally tally) {
        this.spec = spec;
        this.index = index;
        this.connected = connected;
        this.go = go;
        this.tally = tally;
        this.client = spec.protocol().newClient();
    }

    @Override
    public void run() {
        try {
            if (spec.reuse() == ConnectionReuse.KEEP_ALIVE) {
                tryConnect();
            }
            connected.countDown();
            go.await();
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSocket();
        }
    }

    private void loop() {
        Tally.Window window = tally.window();
        OpenLoopSchedule schedule = spec.mode() instanceof LoadMode.OpenLoop open
                ? OpenLoopSchedule.of(window.startNanos(), open.requestsPerSecond(), spec.connections(), index)
                : null;
        for (long n = 0; ; n++) {
            long due = schedule == null ? System.nanoTime() : schedule.intendedNanos(n);
            if (due >= window.endNanos() || Thread.currentThread().isInterrupted()) {
                return;
            }
            waitUntil(due);
            long sent = System.nanoTime();
            if (socket == null && !tryConnect()) {
                LockSupport.parkNanos(RECONNECT_PAUSE_NANOS);
                continue;
            }
            if (roundTrip()) {
                tally.completed(schedule == null ? sent : due, System.nanoTime(), spec.protocol().responsesPerRoundTrip());
            }
            if (spec.reuse() == ConnectionReuse.NEW_PER_ROUND_TRIP) {
                closeSocket();
            }
        }
    }

    private static void waitUntil(long due) {
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    private boolean roundTrip() {
        try {
            client.roundTrip(in, out);
            return true;
        } catch (SocketTimeoutException e) {
            tally.timeout();
        } catch (IOException e) {
            log.debug("client {} round trip failed: {}", index, e.toString());
            tally.error();
        }
        closeSocket();
        return false;
    }

    private boolean tryConnect() {
        Socket s = new Socket();
        try {
            if (!spec.sourceAddresses().isEmpty()) {
                InetAddress source = spec.sourceAddresses().get(index % spec.sourceAddresses().size());
                s.bind(new InetSocketAddress(source, 0));
            }
            s.setTcpNoDelay(true);
            if (spec.reuse() == ConnectionReuse.NEW_PER_ROUND_TRIP) {
                s.setSoLinger(true, 0);
            }
            s.connect(spec.target(), (int) spec.requestTimeout().toMillis());
            s.setSoTimeout((int) spec.requestTimeout().toMillis());
            Socket ready = client.open(s);
            in = ready.getInputStream();
            out = ready.getOutputStream();
            socket = ready;
            return true;
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            tally.timeout();
        } catch (IOException e) {
            log.debug("client {} connect failed: {}", index, e.toString());
            closeQuietly(s);
            tally.error();
        }
        return false;
    }

    /** Closes this client's connection; callable from any thread to unblock it. */
    void closeSocket() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            log.debug("close failed: {}", e.toString());
        }
    }
}
