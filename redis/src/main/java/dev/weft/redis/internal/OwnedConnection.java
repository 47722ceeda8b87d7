package dev.weft.redis.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * The one Jedis connection of one bridge thread, opened when first needed and after each failure.
 * Only the owning thread uses it; {@link #abort()} may be called by any thread to make a call
 * blocked on it fail at once (closing or halting the bridge).
 */
public final class OwnedConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnedConnection.class);

    private final RedisConnector connector;
    private final String role;
    private final Duration socketTimeout;
    private volatile Jedis jedis;

    /**
     * @param connector     opens the connection
     * @param role          what it is for, in its client name
     * @param socketTimeout how long one reply may take
     */
    public OwnedConnection(RedisConnector connector, String role, Duration socketTimeout) {
        this.connector = connector;
        this.role = role;
        this.socketTimeout = socketTimeout;
    }

    /**
     * The open connection, opened now if there is none.
     *
     * @throws redis.clients.jedis.exceptions.JedisException if Redis cannot be reached
     */
    public Jedis get() {
        Jedis current = jedis;
        if (current == null) {
            current = connector.open(role, socketTimeout);
            jedis = current;
        }
        return current;
    }

    /** Whether a connection is open (it may still turn out broken on its next use). */
    public boolean isOpen() {
        return jedis != null;
    }

    /** Closes the connection after it failed; the next {@link #get()} opens another. */
    public void discard() {
        Jedis current = jedis;
        jedis = null;
        closeQuietly(current);
    }

    /** Closes the connection from another thread, so that a call blocked on it fails now. */
    public void abort() {
        closeQuietly(jedis);
    }

    @Override
    public void close() {
        discard();
    }

    private void closeQuietly(Jedis connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (RuntimeException e) {
            // the connection is discarded because it failed or the bridge stops: nothing to do but say so
            log.debug("closing the {} connection failed: {}", role, e.toString());
        }
    }
}
