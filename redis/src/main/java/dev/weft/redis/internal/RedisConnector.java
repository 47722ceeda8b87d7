package dev.weft.redis.internal;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Opens the bridge's Jedis connections: one per owning thread, each with the configured connect
 * timeout and a socket timeout, named in {@code CLIENT LIST} after the instance and its role.
 * RESP2, the protocol every Redis since 2.0 speaks, in which a subscribed connection only
 * receives messages and pongs.
 */
public final class RedisConnector {

    private final URI uri;
    private final int connectTimeoutMillis;
    private final String clientNamePrefix;

    /**
     * @param uri            {@code redis://} or {@code rediss://}, with credentials and database
     * @param connectTimeout how long opening a connection may take
     * @param instanceId     this instance's id, in the connections' names
     */
    public RedisConnector(URI uri, Duration connectTimeout, String instanceId) {
        this.uri = uri;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.clientNamePrefix = "weft:" + instanceId.replace(' ', '_') + ":";
    }

    /**
     * Opens a connection and checks it with {@code PING}.
     *
     * @param role          what the connection is for, in its name
     * @param socketTimeout how long one reply may take before the call fails
     * @throws redis.clients.jedis.exceptions.JedisException if Redis cannot be reached
     */
    public Jedis open(String role, Duration socketTimeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .connectionTimeoutMillis(connectTimeoutMillis)
                .socketTimeoutMillis(Math.toIntExact(socketTimeout.toMillis()))
                .clientName(clientNamePrefix + role);
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            // The JDK's trust store, with the host name checked against the certificate.
            config.sslOptions(SslOptions.defaults());
        }
        String user = JedisURIHelper.getUser(uri);
        String password = JedisURIHelper.getPassword(uri);
        if (password != null) {
            config.user(user).password(password);
        }
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        Jedis jedis = new Jedis(JedisURIHelper.getHostAndPort(uri), config.build());
        try {
            jedis.ping();
            return jedis;
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
    }
}
