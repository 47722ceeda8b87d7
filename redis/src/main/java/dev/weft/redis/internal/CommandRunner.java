package dev.weft.redis.internal;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs the commands whose answer a client's thread needs (claim a nickname, list a room, read
 * its history) on {@link #WORKERS} worker threads, each with its own connection, and bounds the
 * client's wait: the client queues the command and waits on its future for at most the command
 * timeout, whatever Redis does — connect, hang, or answer late. When Redis is known to be
 * unreachable, or {@link #QUEUE_CAPACITY} commands already wait, the client gets its answer at
 * once without asking. A command whose client stopped waiting is skipped if not started yet. A
 * command that finds its worker's connection broken — Redis restarted while it was idle — is
 * tried once more on a new connection, so the first command after a restart does not fail.
 */
public final class CommandRunner {

    /** How many commands may wait for a worker. */
    public static final int QUEUE_CAPACITY = 1_024;
    /** How many worker threads (and connections) there are. */
    public static final int WORKERS = 2;

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final BridgeContext context;
    private final ArrayBlockingQueue<Command<?>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<OwnedConnection> connections = new ArrayList<>();

    /** @param context the bridge's shared parts */
    public CommandRunner(BridgeContext context) {
        this.context = context;
        Duration timeout = context.config().redis().commandTimeout();
        for (int i = 0; i < WORKERS; i++) {
            connections.add(new OwnedConnection(context.connector(), "command-" + i, timeout));
        }
    }

    /**
     * Runs {@code operation} on a worker's connection and waits for it at most the command timeout.
     *
     * @param what what the command does, for the reason of a failure
     */
    public <T> CommandResult<T> call(String what, Function<Jedis, T> operation) {
        if (context.lifecycle().closing()) {
            return unverified("the bridge is closed");
        }
        if (!context.health().allUp()) {
            return unverified("Redis is unreachable");
        }
        Command<T> command = new Command<>(operation, new CompletableFuture<>());
        if (!queue.offer(command)) {
            return unverified("more than " + QUEUE_CAPACITY + " commands wait for Redis");
        }
        Duration timeout = context.config().redis().commandTimeout();
        try {
            return new CommandResult.Done<>(command.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            command.result().cancel(false);
            context.counters().commandTimeouts.increment();
            return new CommandResult.Failed<>("Redis did not answer " + what + " within " + timeout);
        } catch (ExecutionException e) {
            return new CommandResult.Failed<>(what + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            command.result().cancel(false);
            return new CommandResult.Failed<>("interrupted while waiting for " + what);
        }
    }

    private <T> CommandResult<T> unverified(String reason) {
        context.counters().unverified.increment();
        return new CommandResult.Failed<>(reason);
    }

    /** Worker {@code index}'s loop: until the bridge closes. */
    public void work(int index) {
        OwnedConnection connection = connections.get(index);
        try {
            while (!context.lifecycle().closing()) {
                run(queue.take(), connection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }

    private <T> void run(Command<T> command, OwnedConnection connection) {
        if (command.result().isDone()) {
            return;
        }
        boolean reused = connection.isOpen();
        try {
            command.result().complete(command.operation().apply(connection.get()));
        } catch (JedisConnectionException e) {
            connection.discard();
            if (reused && !(e.getCause() instanceof SocketTimeoutException)) {
                // The connection died while idle (Redis restarted since it was last used), rather
                // than Redis being slow: one more try on a new one. Every command here may run twice — reads, and claims a
                // second time by the same instance.
                log.debug("{} command connection was broken ({}); trying once more on a new one", context.self(),
                        e.toString());
                run(command, connection);
            } else {
                fail(command, connection, e);
            }
        } catch (JedisException e) {
            fail(command, connection, e);
        } catch (RuntimeException e) {
            command.result().completeExceptionally(e);
            log.error("{} command failed on an unexpected reply", context.self(), e);
        }
    }

    private void fail(Command<?> command, OwnedConnection connection, JedisException e) {
        connection.discard();
        command.result().completeExceptionally(e);
        log.debug("{} command failed: {}", context.self(), e.toString());
    }

    /** Closing: fails every waiting command now, and any blocked on Redis. */
    public void stop() {
        List<Command<?>> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        waiting.forEach(command -> command.result().cancel(false));
        connections.forEach(OwnedConnection::abort);
    }

    private record Command<T>(Function<Jedis, T> operation, CompletableFuture<T> result) {
    }
}
