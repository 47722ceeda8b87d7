package dev.weft.core.internal.tls;

import dev.weft.core.tls.ReloadResult;
import dev.weft.core.tls.TlsConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a {@link ServerTlsContext} when its files change, from a thread owned by whoever
 * starts the watcher (the server, at start: one of its own threads, counted and awaited by its
 * stop) and ended by {@link #stop()} (the server, at stop).
 *
 * <p><b>Polling, not {@code WatchService}.</b> Every interval the files are read and their
 * contents hashed (SHA-256; certificate files are a few kilobytes). A {@code WatchService}
 * watches directories, not files, and misses the ways certificates are actually replaced: a
 * symbolic link swapped to a new directory (Kubernetes secrets, {@code certbot}'s
 * {@code live/} links), files on network or overlay file systems, a file rewritten within the
 * modification-time granularity with the same size. Hashing the contents sees all of them, and
 * hashing what is then parsed means a renewal caught half-way is refused and retried on its next
 * change, never half-loaded.
 *
 * <p>A change is tried once: a refused file is not tried (nor warned about) again until it
 * changes again, so a broken renewal logs one WARN line, not one per interval.
 */
public final class CertificateWatcher {

    private static final Logger log = LoggerFactory.getLogger(CertificateWatcher.class);

    private final ServerTlsContext context;
    private final Set<Path> files;
    private final Duration interval;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread thread;
    private String lastSeen;
    private volatile ReloadResult lastResult = new ReloadResult.Unchanged();

    private CertificateWatcher(ServerTlsContext context, Duration interval) {
        this.context = context;
        this.files = MaterialFiles.paths(context.config());
        this.interval = interval;
        this.lastSeen = context.filesFingerprint();
    }

    /**
     * Starts watching the files of {@code context} every {@code interval} on the thread that
     * {@code starter} starts for the watching loop and returns (for example a server's
     * {@code task -> threads.start("tls-reload", task)}).
     */
    public static CertificateWatcher start(ServerTlsContext context, Duration interval,
                                           Function<Runnable, Thread> starter) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        Objects.requireNonNull(starter, "starter");
        CertificateWatcher watcher = new CertificateWatcher(context, interval);
        watcher.thread = starter.apply(watcher::run);
        return watcher;
    }

    /** Stops watching and waits for the thread to end; idempotent. */
    public void stop() {
        stopped.countDown();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!stopped.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                checkOnce();
            }
        } catch (InterruptedException e) {
            log.debug("TLS certificate watcher interrupted; it stops");
        }
    }

    /** Reloads if the files' contents differ from the last ones seen. */
    void checkOnce() {
        MaterialFiles read;
        try {
            read = MaterialFiles.read(files);
        } catch (TlsConfigException e) {
            String unreadable = "unreadable: " + e.getMessage();
            if (!unreadable.equals(lastSeen)) {
                lastSeen = unreadable;
                lastResult = new ReloadResult.Refused(e.getMessage());
                log.warn("TLS certificate reload refused, the certificate in use (SHA-256 {}) stays: {}",
                        context.certificateFingerprint(), e.getMessage());
            }
            return;
        }
        if (read.fingerprint().equals(lastSeen)) {
            return;
        }
        lastSeen = read.fingerprint();
        try {
            lastResult = context.reload(read);
        } catch (RuntimeException e) {
            log.error("TLS certificate reload failed unexpectedly; the certificate in use stays", e);
        }
    }

    /** Whether the watching thread is alive. */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** What the last change seen led to; {@code Unchanged} until a change is seen. */
    ReloadResult lastResult() {
        return lastResult;
    }
}
