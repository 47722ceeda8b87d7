package dev.weft.core.proxy;

import dev.weft.core.Connection;
import dev.weft.core.internal.ClientChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes both ways between a client connection and its backend until both directions
 * have ended: client to backend on the calling thread, backend to client on a helper thread
 * of the connection ({@link Connection#startThread}), which the server counts and awaits when it
 * stops. The end of one direction's input is passed on as a half-close of the other side's
 * output, so a client that shuts down its output still reads the backend's whole answer, and
 * the other way round. A failure in either direction closes both sockets, which ends the other
 * direction too.
 *
 * <p><b>Idle timeout.</b> A pair is idle when no byte moved in either direction for the idle
 * timeout; a silent client during a long download is not idle. The engine's read timeout
 * cannot express that (a timed-out read closes the connection), so the client's reads get a
 * one-day backstop and the backend-to-client thread watches the pair instead: its backend
 * reads wake up every idle timeout to check, and once the backend has half-closed it keeps
 * watching until the client's direction ends.
 */
final class Splice {

    private static final Logger log = LoggerFactory.getLogger(Splice.class);
    /** The engine's read timeout on the client side: a backstop only, the splice watches idleness. */
    static final Duration CLIENT_READ_BACKSTOP = Duration.ofDays(1);

    private final Connection client;
    private final ClientChannel upstream;
    private final Backend backend;
    private final Duration idleTimeout;
    private final int bufferBytes;
    private final CountDownLatch upDone = new CountDownLatch(1);
    private volatile long lastActivityNanos = System.nanoTime();

    Splice(Connection client, ClientChannel upstream, Backend backend, Duration idleTimeout, int bufferBytes) {
        this.client = client;
        this.upstream = upstream;
        this.backend = backend;
        this.idleTimeout = idleTimeout;
        this.bufferBytes = bufferBytes;
    }

    /** Runs until both directions are done; closes both sides if either fails or the pair idles. */
    void run() throws IOException {
        client.readTimeout(CLIENT_READ_BACKSTOP);
        upstream.channel().socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, idleTimeout.toMillis())));
        Thread down = client.startThread("down", this::copyDownThenWatch);
        try {
            copyUp();
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        } finally {
            upDone.countDown();
            awaitDown(down);
        }
    }

    private void copyUp() throws IOException {
        byte[] buffer = new byte[bufferBytes];
        OutputStream out = upstream.output();
        while (true) {
            int n = client.read(buffer, 0, buffer.length);
            if (n < 0) {
                upstream.shutdownOutput();
                return;
            }
            out.write(buffer, 0, n);
            backend.sentToBackend(n);
            lastActivityNanos = System.nanoTime();
        }
    }

    private void copyDownThenWatch() {
        try {
            if (copyDown()) {
                watchUntilUpDone();
            }
        } catch (IOException e) {
            log.debug("{} backend-to-client copy ended: {}", client, e.toString());
            abort();
        }
    }

    /** Copies until the backend half-closes (true) or the pair idles out (false, both closed). */
    private boolean copyDown() throws IOException {
        byte[] buffer = new byte[bufferBytes];
        InputStream in = upstream.input();
        while (true) {
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (SocketTimeoutException e) {
                if (idleOut()) {
                    return false;
                }
                continue;
            }
            if (n < 0) {
                client.shutdownOutput();
                return true;
            }
            client.write(buffer, 0, n);
            backend.receivedFromBackend(n);
            lastActivityNanos = System.nanoTime();
        }
    }

    /** After the backend's half-close: closes both sides if the client stays silent too long. */
    private void watchUntilUpDone() {
        try {
            while (!upDone.await(idleTimeout.toNanos() - idleNanos(), TimeUnit.NANOSECONDS)) {
                if (idleOut()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            log.debug("{} idle watch interrupted", client);
        }
    }

    private long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    /** Closes both sides if nothing moved for the idle timeout; returns whether it did. */
    private boolean idleOut() {
        if (idleNanos() < idleTimeout.toNanos()) {
            return false;
        }
        log.debug("{} closed: no byte either way for {}", client, idleTimeout);
        abort();
        return true;
    }

    private void awaitDown(Thread down) {
        try {
            down.join();
        } catch (InterruptedException e) {
            // The server is stopping: close both sides so the copy thread ends, then wait for it.
            abort();
            try {
                down.join(Duration.ofSeconds(1));
            } catch (InterruptedException again) {
                log.debug("{} interrupted twice while stopping", client);
            }
            Thread.currentThread().interrupt();
        }
    }

    private void abort() {
        client.close();
        try {
            upstream.close();
        } catch (IOException e) {
            log.debug("{} closing the backend connection failed: {}", client, e.toString());
        }
    }
}
